using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>
    /// A Scalekit OAuth client (<c>skc_...</c>) reduced to its allowed redirect URIs and the key
    /// they live under. Its secrets, which the API returns alongside, are never kept.
    /// </summary>
    internal sealed class ScalekitClientInfo
    {
        public const string PostLoginUris = "post_login_uris";

        /// <summary>The name before April 2026; older deployments still answer with it.</summary>
        public const string LegacyRedirectUris = "redirect_uris";

        private ScalekitClientInfo(string id, string redirectUriField, IReadOnlyList<string> redirectUris)
        {
            Id = id;
            RedirectUriField = redirectUriField;
            RedirectUris = redirectUris;
        }

        public string Id { get; }

        /// <summary>The key to write the list under: the legacy one only when the server shows that one instead of the current one.</summary>
        public string RedirectUriField { get; }

        public IReadOnlyList<string> RedirectUris { get; }

        /// <summary>
        /// Reads <c>{"client": {...}}</c>. Scalekit's JSON leaves empty lists out, so a client that
        /// shows neither key uses the current one. Null when the answer is not such a client.
        /// </summary>
        public static ScalekitClientInfo? Parse(JToken? answer, string clientId)
        {
            if (!((answer as JObject)?["client"] is JObject client))
            {
                return null;
            }
            var id = (string?)client["id"] ?? clientId;
            var field = client.ContainsKey(PostLoginUris) || !client.ContainsKey(LegacyRedirectUris) ? PostLoginUris : LegacyRedirectUris;
            var uris = client[field];
            if (uris is null || uris.Type == JTokenType.Null)
            {
                return new ScalekitClientInfo(id, field, new string[0]);
            }
            return uris is JArray array && array.All(u => u.Type == JTokenType.String)
                ? new ScalekitClientInfo(id, field, array.Select(u => (string)u!).ToArray())
                : null;
        }
    }
}
