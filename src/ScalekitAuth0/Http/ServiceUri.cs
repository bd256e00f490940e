using System;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// A service's base address as the user gives it: a bare host means https; an absolute URI is
    /// taken as is (the sandbox, private clouds), but plain http only on loopback, where no secret
    /// can leave the machine.
    /// </summary>
    internal static class ServiceUri
    {
        public static Uri Parse(string value, string parameterName)
        {
            var text = (value ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                throw new ArgumentException($"{parameterName} is empty. Give a host name such as 'example.us.auth0.com' or an https URL.", parameterName);
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
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new ArgumentException($"{parameterName} '{value}' must be a base address with no path, query or user name, such as '{uri.Scheme}://{uri.Authority}'.", parameterName);
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
