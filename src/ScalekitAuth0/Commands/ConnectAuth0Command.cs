using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Connects to an Auth0 tenant's Management API for the commands that follow.",
        "Gets a Management API token at once with the client-credentials grant (or uses an access token you give), so wrong credentials fail here and not halfway through a script. Warns about each scope the module needs that the token lacks. The context (session) is kept for the current runspace only; -PassThru returns it for use with -Auth0Context. Values not given come from $env:AUTH0_DOMAIN, $env:AUTH0_CLIENT_ID, $env:AUTH0_CLIENT_SECRET and $env:AUTH0_API_TOKEN.")]
    [CmdletExample("Connect-Auth0 -Domain example.us.auth0.com -Credential (Get-Credential)", "Signs in with a machine-to-machine application: user name = client id, password = client secret.")]
    [CmdletExample("$env:AUTH0_DOMAIN = 'example.us.auth0.com'; $env:AUTH0_CLIENT_ID = 'abc'; $env:AUTH0_CLIENT_SECRET = $secret\nConnect-Auth0", "Takes everything from the conventional environment variables.")]
    [CmdletExample("$tenant = Connect-Auth0 -Domain example.us.auth0.com -Credential $cred -PassThru\nGet-ScalekitConnection -Auth0Context $tenant", "Keeps the context in a variable and passes it explicitly, as runbooks sharing a process should.")]
    [Cmdlet(VerbsCommunications.Connect, "Auth0", DefaultParameterSetName = ClientSecretSet)]
    [OutputType(typeof(Auth0Context))]
    public sealed class ConnectAuth0Command : ConnectCmdlet<Auth0Context>
    {
        private const string AccessTokenSet = "AccessToken";

        [Parameter(Position = 0, HelpMessage = "The Auth0 tenant's domain (example.us.auth0.com), or an absolute base URL; plain http only on loopback. Default: $env:AUTH0_DOMAIN.")]
        public string? Domain { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet, HelpMessage = "The client id of a machine-to-machine application authorized for the Auth0 Management API. Default: $env:AUTH0_CLIENT_ID.")]
        [ValidateText(AllowEmpty = true)]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet, HelpMessage = "That application's client secret. Default: $env:AUTH0_CLIENT_SECRET.")]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "The application's client id as user name and client secret as password, e.g. from Get-AutomationPSCredential.")]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet, HelpMessage = "A Management API access token to use as is (it is never refreshed). Default: $env:AUTH0_API_TOKEN.")]
        public SecureString? AccessToken { get; set; }

        protected override string Service => "Auth0";

        protected override string? Address => Domain;

        protected override string CredentialAdvice => "Check the domain, client id and client secret, and that the application is authorized for the Auth0 Management API.";

        private protected override ITokenSource TokensOf(Auth0Context context) => context.Tokens;

        protected override void Store(Auth0Context context) => SessionStore.Auth0 = context;

        protected override void Connected(Auth0Context context)
        {
            if (context.Tokens is StaticTokenSource given)
            {
                RequireUsable(context, given);
            }
            if (context.MissingScopes.Length > 0)
            {
                WriteWarning($"The Auth0 token lacks {context.MissingScopes.Length} scope(s) this module needs: {string.Join(", ", context.MissingScopes)}. The commands that need them will fail. Grant them to the application in Auth0 (Applications > APIs > Auth0 Management API > Machine to Machine Applications), then connect again.");
            }
        }

        /// <summary>
        /// A token the user gave cannot be fetched anew, so it is checked here, before it replaces a
        /// working context: its shape, its expiry, its audience, and one cheap read the tenant must accept.
        /// </summary>
        private void RequireUsable(Auth0Context context, StaticTokenSource given)
        {
            const string advice = "Copy a Management API token of this tenant (Auth0 dashboard: Applications > APIs > Auth0 Management API > API Explorer), or connect with -ClientId and -ClientSecret (or -Credential): the module then fetches and refreshes tokens itself.";
            if (!given.IsJwt)
            {
                throw new ScalekitAuth0Exception("Auth0AccessTokenInvalid", ApiErrorKind.Unauthorized,
                    "-AccessToken is not a Management API access token: it is not a JWT (three dot-separated parts with a JSON payload).", advice);
            }
            if (context.TokenExpiresOn is DateTimeOffset expired && expired <= DateTimeOffset.UtcNow)
            {
                throw new ScalekitAuth0Exception("Auth0TokenExpired", ApiErrorKind.Unauthorized,
                    $"The Auth0 access token expired at {expired.ToString("u", CultureInfo.InvariantCulture)}.", advice);
            }
            var audience = context.ManagementApiAudience;
            if (given.Audiences.Count > 0 && !given.Audiences.Any(a => string.Equals(a.TrimEnd('/'), audience.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                throw new ScalekitAuth0Exception("Auth0TokenAudience", ApiErrorKind.Unauthorized,
                    $"The Auth0 access token is for {string.Join(", ", given.Audiences.Select(a => $"'{ShownText.Printable(a)}'"))}, not for this tenant's Management API ({audience}).", advice);
            }
            try
            {
                Run(operation => context.Client.ProbeTokenAsync(operation));
            }
            catch (ApiException e) when (e.Kind == ApiErrorKind.Unauthorized)
            {
                throw new ScalekitAuth0Exception("Auth0AccessTokenRefused", ApiErrorKind.Unauthorized,
                    $"Auth0 tenant {context.Domain} refused the access token: {e.Message}", advice, e);
            }
        }

        private protected override Auth0Context CreateContext(TransportSettings settings)
        {
            var domain = Domain ?? ClientCredentialParameters.Variable("AUTH0_DOMAIN")
                ?? throw ScalekitAuth0Exception.InvalidArgument("Auth0DomainMissing", "No Auth0 domain was given.", "Pass -Domain or set $env:AUTH0_DOMAIN.");
            var baseUri = ParseAddress(domain, nameof(Domain), "the tenant's domain, for example 'example.us.auth0.com'");
            if (AccessToken is not null)
            {
                return Auth0Context.WithAccessToken(baseUri, AccessToken, settings);
            }
            var credentials = ClientCredentialParameters.Resolve(Credential, ClientId, ClientSecret, "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET");
            if (credentials is (string id, SecureString secret))
            {
                return Auth0Context.WithClientCredentials(baseUri, id, secret, settings);
            }
            var token = ClientCredentialParameters.FromEnvironment("AUTH0_API_TOKEN")
                ?? throw ScalekitAuth0Exception.InvalidArgument("Auth0CredentialsMissing", "No Auth0 credentials were given.",
                    "Pass -ClientId and -ClientSecret, -Credential or -AccessToken, or set $env:AUTH0_CLIENT_ID and $env:AUTH0_CLIENT_SECRET (or $env:AUTH0_API_TOKEN).");
            return Auth0Context.WithAccessToken(baseUri, token, settings);
        }
    }
}
