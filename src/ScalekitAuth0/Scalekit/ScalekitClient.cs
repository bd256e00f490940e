using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>The Scalekit REST endpoints this module uses, typed. Knows HTTP only through the transport.</summary>
    internal sealed partial class ScalekitClient
    {
        public const string DiscoveryPath = ".well-known/openid-configuration";

        public ScalekitClient(ApiTransport transport)
        {
            Transport = transport;
        }

        public ApiTransport Transport { get; }

        /// <summary>
        /// Reads and checks the discovery document. Auth0 copies nothing it is not given reliably
        /// ("options.issuer is required"), so each value must be there and be an absolute URL.
        /// </summary>
        public async Task<OidcDiscovery> GetDiscoveryAsync(Operation operation)
        {
            var url = new Uri(Transport.BaseUri, DiscoveryPath).ToString();
            JObject document;
            try
            {
                document = await Transport.SendAnonymousAsync(ApiRequest.Get(DiscoveryPath), operation).ConfigureAwait(false) as JObject
                    ?? throw Invalid(url, "it is not a JSON object");
            }
            catch (ApiException e)
            {
                throw new ScalekitAuth0Exception("ScalekitDiscoveryUnreachable", ApiErrorKind.Network,
                    $"Scalekit's discovery document {url} could not be read: {e.Message}",
                    "Check the environment URL given to Connect-Scalekit and that the environment is reachable.", e);
            }
            return new OidcDiscovery(
                url,
                RequiredUrl(document, "issuer", url),
                RequiredUrl(document, "authorization_endpoint", url),
                RequiredUrl(document, "token_endpoint", url),
                OptionalUrl(document, "userinfo_endpoint", url),
                RequiredUrl(document, "jwks_uri", url));
        }

        private static string RequiredUrl(JObject document, string key, string url) =>
            OptionalUrl(document, key, url) ?? throw Invalid(url, $"it has no '{key}'");

        private static string? OptionalUrl(JObject document, string key, string url)
        {
            var value = document[key];
            if (value is null || value.Type == JTokenType.Null)
            {
                return null;
            }
            var text = value.Type == JTokenType.String ? (string?)value : null;
            if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                throw Invalid(url, $"its '{key}' is not an absolute http(s) URL: '{value}'");
            }
            return text;
        }

        private static ScalekitAuth0Exception Invalid(string url, string why) =>
            new ScalekitAuth0Exception("ScalekitDiscoveryInvalid", ApiErrorKind.InvalidResponse,
                $"Scalekit's discovery document {url} cannot configure Auth0: {why}.",
                "Check that the environment URL given to Connect-Scalekit is the Scalekit environment itself, not another site.");
    }
}
