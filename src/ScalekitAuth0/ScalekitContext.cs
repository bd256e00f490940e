using System;
using System.Linq;
using ScalekitAuth0.Http;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0
{
    /// <summary>A connection to one Scalekit environment. Shows where and as whom, never the secret or the token.</summary>
    public sealed class ScalekitContext
    {
        internal ScalekitContext(Uri baseUri, string clientId, System.Security.SecureString clientSecret, ITokenSource tokens, ScalekitClient client)
        {
            BaseUri = baseUri;
            ClientId = clientId;
            ClientSecret = clientSecret;
            Tokens = tokens;
            Client = client;
        }

        internal static ScalekitContext WithClientCredentials(Uri baseUri, string clientId, System.Security.SecureString clientSecret, TransportSettings settings)
        {
            var transport = new ApiTransport("Scalekit", baseUri, settings);
            var tokens = new ClientCredentialsTokenSource(transport, clientId, clientSecret, audience: null);
            transport.Tokens = tokens;
            return new ScalekitContext(baseUri, clientId, clientSecret, tokens, new ScalekitClient(transport));
        }

        /// <summary>The environment URL without a trailing slash, as Scalekit writes its issuer.</summary>
        public string EnvironmentUrl => BaseUri.GetLeftPart(UriPartial.Authority);

        public Uri BaseUri { get; }

        /// <summary>The environment client Auth0 signs in with (<c>skc_...</c>).</summary>
        public string ClientId { get; }

        /// <summary>The scopes the environment's token grants, when it names them.</summary>
        public string[] Scopes => Tokens.GrantedScopes.OrderBy(s => s, StringComparer.Ordinal).ToArray();

        public DateTimeOffset? TokenExpiresOn => Tokens.ExpiresOn;

        /// <summary>Handed to Auth0 as the connection's client secret; never shown.</summary>
        internal System.Security.SecureString ClientSecret { get; }

        internal ITokenSource Tokens { get; }

        internal ScalekitClient Client { get; }

        public override string ToString() => $"Scalekit {EnvironmentUrl} (client {ClientId})";
    }
}
