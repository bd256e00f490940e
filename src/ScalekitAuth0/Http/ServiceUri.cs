using System;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// A service's base address as the user gives it: a bare host means https; an absolute URI is
    /// taken as is (the sandbox, private clouds), but plain http only on loopback, where no secret
    /// can leave the machine. An address with user info (<c>https://id:secret@host</c>) is refused,
    /// and that part is never shown: it is most often a credential pasted into the wrong place.
    /// </summary>
    internal static class ServiceUri
    {
        public const string HiddenUserInfo = "***";

        public static Uri Parse(string value, string parameterName)
        {
            var text = (value ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                throw new ArgumentException($"{parameterName} is empty. Give a host name such as 'example.us.auth0.com' or an https URL.", parameterName);
            }
            var shown = Shown(text);
            if (!ReferenceEquals(shown, text))
            {
                throw new ArgumentException(
                    $"{parameterName} '{shown}' carries a user name or password before the '@' (not shown here, and never sent); credentials go in -ClientId and -ClientSecret or -Credential, not in the address.",
                    parameterName);
            }
            if (!text.Contains("://"))
            {
                text = "https://" + text;
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            {
                throw new ArgumentException($"{parameterName} '{value}' is not a host name or an http(s) URL.", parameterName);
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                throw new ArgumentException($"{parameterName} '{value}' uses plain http on a host that is not loopback; secrets would cross the network unencrypted. Use https.", parameterName);
            }
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"{parameterName} '{value}' must be a base address with no path, query or fragment, such as '{uri.Scheme}://{uri.Authority}'.", parameterName);
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        /// <summary>
        /// The address as a message, an error's target or a log may show it: any user info before the
        /// host replaced by <see cref="HiddenUserInfo"/>; the very same string when it has none.
        /// </summary>
        public static string? Shown(string? address)
        {
            if (address is null)
            {
                return null;
            }
            var scheme = address.IndexOf("://", StringComparison.Ordinal);
            var start = scheme < 0 ? 0 : scheme + 3;
            var end = address.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (end < 0)
            {
                end = address.Length;
            }
            var at = end > start ? address.LastIndexOf('@', end - 1, end - start) : -1;
            return at < 0 ? address : address.Substring(0, start) + HiddenUserInfo + address.Substring(at);
        }
    }
}
