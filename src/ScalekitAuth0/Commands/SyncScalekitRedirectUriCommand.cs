using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Allows Auth0's callback URLs as redirect URIs of the Scalekit client Auth0 signs in with.",
        "Without this, every login through the connection fails at Scalekit with invalid_redirect_uri. Reads the Scalekit client, adds only the URLs it does not allow yet, keeps every other URI in its place, and writes the whole list back in one request; when all are there it writes nothing, so it is safe to run again. The URLs default to those of Get-Auth0CallbackUrl: the tenant's domain and each ready custom domain. The client is the piped connection's client id, else -ClientId, else the client of the Scalekit context. The list written is post_login_uris; only a Scalekit deployment that still shows the older redirect_uris key instead gets that key. Scalekit allows at most 5 redirect URIs per client: when the URLs do not all fit, the command adds those that do (the tenant's own callback first, then ready custom domains, the primary one first; with -CallbackUrl, in the order given), never removes an allowed URI to make room, and fails for the rest with the error ScalekitRedirectUriLimit, which names them and the URIs allowed; -WhatIf reports the same without writing.")]
    [CmdletExample("New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri -PassThru | Add-HrdDomain -Domain acme.com", "Creates the connection, allows its callback URLs in Scalekit, and passes the connection on to the next step.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri -WhatIf", "Shows which callback URLs would be added, sending no write request.")]
    [CmdletExample("Sync-ScalekitRedirectUri -CallbackUrl https://login.acme.com/login/callback", "Allows one given URL for the client of the Scalekit context.")]
    [Cmdlet(VerbsData.Sync, "ScalekitRedirectUri", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ClientIdSet)]
    [OutputType(typeof(ScalekitRedirectUriResult), typeof(ScalekitConnection))]
    public sealed class SyncScalekitRedirectUriCommand : RedirectUriCmdlet
    {
        private const string ConnectionSet = "Connection";
        private const string ClientIdSet = "ClientId";

        private IReadOnlyList<string>? _callbackUrls;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ConnectionSet, HelpMessage = "The Auth0 connection from New-ScalekitConnection or Get-ScalekitConnection; its client id is the Scalekit client to update.")]
        public ScalekitConnection? Connection { get; set; }

        [Parameter(ParameterSetName = ClientIdSet, HelpMessage = "The Scalekit client (skc_...) to update. Default: the client of the Scalekit context (Connect-Scalekit).")]
        [ValidateNotNullOrEmpty]
        [ValidateText]
        public string? ClientId { get; set; }

        [Parameter(HelpMessage = "The URLs to allow: absolute http or https, at most 256 characters, no query string or fragment. Default: the URLs of Get-Auth0CallbackUrl.")]
        [ValidateNotNullOrEmpty]
        [ValidateText(MaxLength = 2048)]
        public string[]? CallbackUrl { get; set; }

        [Parameter(ParameterSetName = ConnectionSet, HelpMessage = "Writes the input connection instead of the result, so the pipeline can go on (into Add-HrdDomain, for example).")]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ParameterSetName = ConnectionSet, HelpMessage = "Changes the client of a connection that does not point at Scalekit (another OIDC connection of the tenant), instead of failing with NotAScalekitConnection.")]
        public SwitchParameter Force { get; set; }

        private protected override Auth0Context? OwnAuth0Context => Connection?.TenantContext ?? base.OwnAuth0Context;

        protected override void ProcessRecord() => ForEachInput((object?)Connection ?? ClientId, () =>
        {
            var result = ChangeRedirectUris(TargetClientId(), RedirectUriChange.Adding(CallbackUrls()));
            if (result is not null)
            {
                WriteObject(PassThru ? Connection : result);
            }
        });

        /// <summary>Checked whole before any write; Auth0's are read once however many connections are piped in.</summary>
        private IReadOnlyList<string> CallbackUrls()
        {
            if (_callbackUrls is null)
            {
                var urls = CallbackUrl ?? Auth0CallbackUrls();
                var problems = urls.Select(url => (Url: url, Problem: RedirectUri.Problem(url))).Where(p => p.Problem is not null).ToList();
                if (problems.Count > 0)
                {
                    throw ScalekitAuth0Exception.InvalidArgument("InvalidCallbackUrl",
                        string.Join(" ", problems.Select(p => $"Callback URL '{ShownText.Printable(p.Url)}' cannot be a Scalekit redirect URI: {p.Problem}.")),
                        $"Give absolute http or https URLs of at most {RedirectUri.MaxLength} characters without a query string or fragment, such as https://your-tenant.us.auth0.com/login/callback.");
                }
                _callbackUrls = urls;
            }
            return _callbackUrls;
        }

        /// <summary>Only here does the command need Auth0: with -CallbackUrl it runs without Connect-Auth0.</summary>
        private string[] Auth0CallbackUrls()
        {
            var client = Auth0Tenant.Client;
            return Run(operation => client.GetCallbackUrlsAsync(operation)).Select(u => u.Url).ToArray();
        }

        private string TargetClientId()
        {
            if (Connection is null)
            {
                return ClientId ?? ScalekitEnvironment.ClientId;
            }
            if (Connection.Source is Auth0.Auth0Connection source)
            {
                RequirePointsAtScalekit(source, Force);
            }
            var environment = ScalekitEnvironment.EnvironmentUrl;
            if (!Force && !string.IsNullOrEmpty(Connection.Issuer) && !string.Equals(Connection.Issuer!.TrimEnd('/'), environment, System.StringComparison.OrdinalIgnoreCase))
            {
                throw new ScalekitAuth0Exception("ContextMismatch", ApiErrorKind.BadRequest,
                    $"Auth0 connection '{Connection.Name}' signs in through the Scalekit environment {Connection.Issuer}, but this command works in {environment}. Nothing was written to either environment.",
                    $"Pass -ScalekitContext with the context of {Connection.Issuer} (Connect-Scalekit -EnvironmentUrl {Connection.Issuer} -PassThru).");
            }
            return string.IsNullOrEmpty(Connection.ClientId)
                ? throw new ScalekitAuth0Exception("ConnectionHasNoClientId", ApiErrorKind.BadRequest,
                    $"Auth0 connection '{Connection.Name}' shows no Scalekit client id (options.client_id), so there is no Scalekit client to update.",
                    "Read the connection with a token that has the read:connections_options scope, or pass -ClientId and -CallbackUrl instead of the connection.")
                : Connection.ClientId!;
        }
    }
}
