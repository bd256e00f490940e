using System;
using System.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Scalekit's documented rules for an allowed redirect URI, checked before anything is sent.</summary>
    internal static class RedirectUri
    {
        public const int MaxLength = 256;

        /// <summary>How many redirect URIs a Scalekit client may allow ("Maximum of 5 URIs allowed" on <c>post_login_uris</c>).</summary>
        public const int MaxAllowed = 5;

        /// <summary>Null when the (trimmed) URL may be allowed, else why not.</summary>
        public static string? Problem(string? url)
        {
            var text = (url ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                return "it is empty";
            }
            if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return "it contains white space or a control character";
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            {
                return "it is not an absolute http or https URL";
            }
            if (text.Length > MaxLength)
            {
                return $"it is {text.Length} characters long; Scalekit allows at most {MaxLength}";
            }
            if (text.IndexOf('?') >= 0)
            {
                return "it has a query string; Scalekit allows none in a redirect URI";
            }
            if (text.IndexOf('#') >= 0)
            {
                return "it has a fragment ('#'); Scalekit allows none in a redirect URI";
            }
            return null;
        }
    }
}
