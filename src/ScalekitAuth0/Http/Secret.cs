using System.Net;
using System.Security;

namespace ScalekitAuth0.Http
{
    /// <summary>Secrets stay <see cref="SecureString"/> until the moment a request body is written.</summary>
    internal static class Secret
    {
        public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        /// <summary>For values that arrive as text (environment variables): wrapped at once, read-only.</summary>
        public static SecureString Protect(string value)
        {
            var secure = new NetworkCredential(string.Empty, value).SecurePassword;
            secure.MakeReadOnly();
            return secure;
        }

        public static bool IsEmpty(SecureString? secret) => secret is null || secret.Length == 0;
    }
}
