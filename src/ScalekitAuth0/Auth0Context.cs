using System;
using System.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0
{
    /// <summary>
    /// A connection to one Auth0 tenant's Management API. Shows where and as whom, never the secret
    /// or the token: both stay inside its token source.
    /// </summary>
    public sealed class Auth0Context
    {
        internal Auth0Context(Uri baseUri, string? clientId, ITokenSource tokens, Auth0Client client)
        {
            BaseUri = baseUri;
            ClientId = clientId;
            Tokens = tokens;
            Client = client;
        }

        internal static Auth0Context WithClientCredentials(Uri baseUri, string clientId, System.Security.SecureString clientSecret, TransportSettings settings)
        {
            var transport = new ApiTransport("Auth0", baseUri, settings);
            // Auth0 wants its canonical API identifier, trailing slash included, as the audience.
            var tokens = new ClientCredentialsTokenSource(transport, clientId, clientSecret, ManagementApiAudienceOf(baseUri));
            transport.Tokens = tokens;
            return new Auth0Context(baseUri, clientId, tokens, new Auth0Client(transport));
        }

        internal static Auth0Context WithAccessToken(Uri baseUri, System.Security.SecureString accessToken, TransportSettings settings)
        {
            var transport = new ApiTransport("Auth0", baseUri, settings);
            var tokens = new StaticTokenSource(accessToken);
            transport.Tokens = tokens;
            return new Auth0Context(baseUri, null, tokens, new Auth0Client(transport));
        }

        /// <summary>Auth0's canonical identifier of the tenant's Management API: a token's audience.</summary>
        internal string ManagementApiAudience => ManagementApiAudienceOf(BaseUri);

        private static string ManagementApiAudienceOf(Uri baseUri) => new Uri(baseUri, "api/v2/").ToString();

        /// <summary>The tenant's host (and port, when not the scheme's default).</summary>
        public string Domain => BaseUri.IsDefaultPort ? BaseUri.Host : BaseUri.Authority;

        public Uri BaseUri { get; }

        /// <summary>The machine-to-machine application's client id; empty when connected with an access token.</summary>
        public string? ClientId { get; }

        public string AuthenticationType => Tokens.CanRefresh ? "ClientCredentials" : "AccessToken";

        public string[] Scopes => Tokens.GrantedScopes.OrderBy(s => s, StringComparer.Ordinal).ToArray();

        /// <summary>The scopes this module uses that the token lacks; the cmdlets that need them will fail.</summary>
        public string[] MissingScopes => Auth0Client.RequiredScopes.Except(Tokens.GrantedScopes, StringComparer.Ordinal).ToArray();

        public DateTimeOffset? TokenExpiresOn => Tokens.ExpiresOn;

        internal ITokenSource Tokens { get; }

        internal Auth0Client Client { get; }

        public override string ToString() => ClientId is null ? $"Auth0 {Domain} (access token)" : $"Auth0 {Domain} (client {ClientId})";
    }
}
