using System.Management.Automation;
using System.Security;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Connects to a Scalekit environment for the commands that follow.",
        "Gets a Scalekit API token at once with the client-credentials grant, so a wrong secret fails here. The same client id and secret are what Auth0 will use to sign users in through Scalekit. The context (session) is kept for the current runspace only; -PassThru returns it for use with -ScalekitContext. Values not given come from $env:SCALEKIT_ENVIRONMENT_URL, $env:SCALEKIT_CLIENT_ID and $env:SCALEKIT_CLIENT_SECRET.")]
    [CmdletExample("Connect-Scalekit -EnvironmentUrl https://acme.scalekit.com -Credential (Get-Credential)", "Signs in with the environment's API client: user name = client id (skc_...), password = client secret.")]
    [CmdletExample("Connect-Scalekit", "Takes everything from $env:SCALEKIT_ENVIRONMENT_URL, $env:SCALEKIT_CLIENT_ID and $env:SCALEKIT_CLIENT_SECRET.")]
    [Cmdlet(VerbsCommunications.Connect, "Scalekit", DefaultParameterSetName = ClientSecretSet)]
    [OutputType(typeof(ScalekitContext))]
    public sealed class ConnectScalekitCommand : ConnectCmdlet<ScalekitContext>
    {
        [Parameter(Position = 0, HelpMessage = "The Scalekit environment URL, such as https://acme.scalekit.com. Default: $env:SCALEKIT_ENVIRONMENT_URL.")]
        public string? EnvironmentUrl { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet, HelpMessage = "The environment's API client id (skc_...). Default: $env:SCALEKIT_CLIENT_ID.")]
        [ValidateText(AllowEmpty = true)]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet, HelpMessage = "That client's secret. Default: $env:SCALEKIT_CLIENT_SECRET.")]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "The client id as user name and the client secret as password, e.g. from Get-AutomationPSCredential.")]
        [Credential]
        public PSCredential? Credential { get; set; }

        protected override string Service => "Scalekit";

        protected override string? Address => EnvironmentUrl;

        protected override string CredentialAdvice => "Check the environment URL, client id and client secret (Scalekit dashboard: Settings > API Config).";

        private protected override ITokenSource TokensOf(ScalekitContext context) => context.Tokens;

        protected override void Store(ScalekitContext context) => SessionStore.Scalekit = context;

        private protected override ScalekitContext CreateContext(TransportSettings settings)
        {
            var url = EnvironmentUrl ?? ClientCredentialParameters.Variable("SCALEKIT_ENVIRONMENT_URL")
                ?? throw ScalekitAuth0Exception.InvalidArgument("ScalekitEnvironmentUrlMissing", "No Scalekit environment URL was given.", "Pass -EnvironmentUrl or set $env:SCALEKIT_ENVIRONMENT_URL.");
            var baseUri = ParseAddress(url, nameof(EnvironmentUrl), "the environment URL, for example 'https://acme.scalekit.com'");
            var credentials = ClientCredentialParameters.Resolve(Credential, ClientId, ClientSecret, "SCALEKIT_CLIENT_ID", "SCALEKIT_CLIENT_SECRET")
                ?? throw ScalekitAuth0Exception.InvalidArgument("ScalekitCredentialsMissing", "No Scalekit credentials were given.",
                    "Pass -ClientId and -ClientSecret or -Credential, or set $env:SCALEKIT_CLIENT_ID and $env:SCALEKIT_CLIENT_SECRET.");
            return ScalekitContext.WithClientCredentials(baseUri, credentials.ClientId, credentials.ClientSecret, settings);
        }
    }
}
