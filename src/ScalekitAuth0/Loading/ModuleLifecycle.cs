using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;

namespace ScalekitAuth0.Loading
{
    /// <summary>
    /// What Import-Module and Remove-Module do besides loading the cmdlets, for Windows PowerShell
    /// 5.1: allow TLS 1.2+ and give our Newtonsoft.Json to our assembly. Kept small: it runs on every
    /// import, whose cost users feel.
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static readonly Assembly Module = typeof(ModuleLifecycle).Assembly;
        private static NewtonsoftJsonResolver? resolver;

        // Imports not yet removed. PowerShell calls OnImport for each runspace that imports the
        // module but the handler is process-wide, so it goes only when the last import is removed.
        private static int imports;

        /// <summary>Whether the AssemblyResolve handler is registered now (Pester reads it).</summary>
        internal static bool ResolverRegistered => resolver != null;

        public void OnImport()
        {
            var allowed = ServicePointManager.SecurityProtocol;
            var withRequired = TlsProtocols.Add(allowed, TlsProtocols.Required);
            if (withRequired != allowed) ServicePointManager.SecurityProtocol = withRequired;
            lock (Gate)
            {
                // An assembly loaded from bytes has no location, so no copy of ours beside it to give.
                if (imports++ == 0 && Module.Location.Length > 0)
                {
                    resolver = new NewtonsoftJsonResolver(Module, Path.GetDirectoryName(Module.Location)!);
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                }
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (imports > 0 && --imports == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                    resolver = null;
                }
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = resolver?.PathFor(new AssemblyName(args.Name), args.RequestingAssembly);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
