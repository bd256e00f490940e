using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace ScalekitAuth0.Login
{
    /// <summary>
    /// What the probe reads from the answers of login pages, which are HTML for browsers, not API
    /// JSON: the parameters of a redirect, the target of a self-posting form (SAML's HTTP-POST
    /// binding), and the error an error page shows.
    /// </summary>
    internal static class LoginPage
    {
        /// <summary>The OAuth and Scalekit error codes an error page or a redirect may carry.</summary>
        private static readonly string[] KnownErrors =
        {
            "invalid_redirect_uri", "no_active_connections", "connection_not_active", "domain_not_found", "invalid_user_domain",
            "invalid_connection_selector", "unauthorized_client", "invalid_client", "invalid_request", "access_denied",
            "unsupported_response_type", "invalid_scope", "server_error",
        };

        private static readonly Regex FormTag = new Regex("<form\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Attribute = new Regex("\\b(?<name>method|action)\\s*=\\s*(\"(?<value>[^\"]*)\"|'(?<value>[^']*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Heading = new Regex("<(title|h1)\\b[^>]*>(?<text>.*?)</\\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Tag = new Regex("<[^>]*>", RegexOptions.CultureInvariant);

        private const int LongestSummary = 160;

        /// <summary>The first value of each query parameter, decoded.</summary>
        public static IReadOnlyDictionary<string, string> Query(Uri url)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in url.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                if (!parameters.ContainsKey(name))
                {
                    parameters[name] = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
                }
            }
            return parameters;
        }

        /// <summary>Where a page's self-submitting POST form sends the browser, when it has one with an absolute action.</summary>
        public static Uri? FormPostTarget(string body)
        {
            foreach (Match form in FormTag.Matches(body))
            {
                var attributes = Attribute.Matches(form.Value).Cast<Match>()
                    .GroupBy(a => a.Groups["name"].Value.ToLowerInvariant())
                    .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
                if (attributes.TryGetValue("method", out var method) && string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)
                    && attributes.TryGetValue("action", out var action) && Uri.TryCreate(action, UriKind.Absolute, out var target)
                    && (target.Scheme == Uri.UriSchemeHttps || target.Scheme == Uri.UriSchemeHttp))
                {
                    return target;
                }
            }
            return null;
        }

        /// <summary>The first known error code the page or redirect mentions; null when none.</summary>
        public static string? ErrorCode(string text) =>
            KnownErrors.FirstOrDefault(code => Regex.IsMatch(text, "\\b" + code + "\\b", RegexOptions.CultureInvariant));

        /// <summary>The page's title or first heading as plain text, short enough for a detail line.</summary>
        public static string Summary(string body)
        {
            var heading = Heading.Match(body);
            var text = heading.Success ? heading.Groups["text"].Value : body;
            var plain = Regex.Replace(WebUtility.HtmlDecode(Tag.Replace(text, " ")), "\\s+", " ").Trim();
            return plain.Length <= LongestSummary ? plain : plain.Substring(0, LongestSummary) + "...";
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
