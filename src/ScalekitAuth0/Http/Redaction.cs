using System;
using System.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// What a URL shown to a user or a log keeps back. A login request's <c>state</c> and
    /// <c>nonce</c> tie a browser to its login, and an authorization <c>code</c> can be exchanged for
    /// tokens: none is a secret of ours, but none belongs in a transcript either.
    /// </summary>
    internal static class Redaction
    {
        public const string Mask = "***";

        private static readonly string[] MaskedParameters = { "state", "nonce", "code" };

        public static string MaskQuery(Uri url)
        {
            var text = url.AbsoluteUri;
            var queryStart = text.IndexOf('?');
            if (queryStart < 0)
            {
                return text;
            }
            var fragmentStart = text.IndexOf('#', queryStart);
            var query = fragmentStart < 0 ? text.Substring(queryStart + 1) : text.Substring(queryStart + 1, fragmentStart - queryStart - 1);
            var masked = string.Join("&", query.Split('&').Select(MaskPair));
            return text.Substring(0, queryStart + 1) + masked + (fragmentStart < 0 ? "" : text.Substring(fragmentStart));
        }

        private static string MaskPair(string pair)
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            return equals >= 0 && MaskedParameters.Contains(Uri.UnescapeDataString(name), StringComparer.OrdinalIgnoreCase)
                ? name + "=" + Mask
                : pair;
        }
    }
}
