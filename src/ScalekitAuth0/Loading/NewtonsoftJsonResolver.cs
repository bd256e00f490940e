using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ScalekitAuth0.Loading
{
    /// <summary>
    /// Decides which requests for Newtonsoft.Json get the copy shipped beside the module. On Windows
    /// PowerShell 5.1 another module may have loaded an older copy first, and our references to
    /// 13.0.0.0 would then fail to bind; PowerShell 7 ships 13.0.0.0 itself and never asks.
    /// </summary>
    internal sealed class NewtonsoftJsonResolver
    {
        public const string AssemblyName = "Newtonsoft.Json";

        private readonly Assembly module;
        private readonly string ourCopy;
        private readonly Lazy<AssemblyName?> ourName;

        /// <param name="module">The module's own assembly, the one requester we answer.</param>
        /// <param name="moduleFolder">Where our copy ships: the folder of <paramref name="module"/>.</param>
        public NewtonsoftJsonResolver(Assembly module, string moduleFolder)
        {
            this.module = module;
            ourCopy = Path.Combine(moduleFolder, AssemblyName + ".dll");
            // Read from the file at the first request, not at import: most sessions never ask.
            ourName = new Lazy<AssemblyName?>(() => File.Exists(ourCopy) ? System.Reflection.AssemblyName.GetAssemblyName(ourCopy) : null);
        }

        /// <summary>
        /// The path of our copy when it can stand in for <paramref name="requested"/>, else null
        /// (so the runtime goes on to the next handler): only Newtonsoft.Json, only with our
        /// publisher's key (a re-signed build is someone else's, and not ours to replace), only a
        /// version ours satisfies (a request for a newer one is another module's), and only for our
        /// own assembly or a request that names no requester (.NET Framework often does not).
        /// </summary>
        public string? PathFor(AssemblyName requested, Assembly? requester)
        {
            if (!string.Equals(requested.Name, AssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
            if (requester != null && requester != module) return null;
            var ours = ourName.Value;
            if (ours == null) return null;
            var token = requested.GetPublicKeyToken();
            if (token == null || !token.SequenceEqual(ours.GetPublicKeyToken() ?? Array.Empty<byte>())) return null;
            if (requested.Version != null && requested.Version > ours.Version) return null;
            return ourCopy;
        }
    }
}
