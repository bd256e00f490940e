namespace ScalekitAuth0.Scalekit
{
    /// <summary>The parts of Scalekit's OpenID configuration Auth0 must be given explicitly, exactly as published.</summary>
    internal sealed class OidcDiscovery
    {
        public OidcDiscovery(string discoveryUrl, string issuer, string authorizationEndpoint, string tokenEndpoint, string? userinfoEndpoint, string jwksUri)
        {
            DiscoveryUrl = discoveryUrl;
            Issuer = issuer;
            AuthorizationEndpoint = authorizationEndpoint;
            TokenEndpoint = tokenEndpoint;
            UserinfoEndpoint = userinfoEndpoint;
            JwksUri = jwksUri;
        }

        public string DiscoveryUrl { get; }
        public string Issuer { get; }
        public string AuthorizationEndpoint { get; }
        public string TokenEndpoint { get; }
        public string? UserinfoEndpoint { get; }
        public string JwksUri { get; }
    }
}
