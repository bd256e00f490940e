using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets the redirect URIs a Scalekit client allows.",
        "Reads the client's post_login_uris (redirect_uris on older Scalekit deployments): the URLs Scalekit may send users back to after signing them in, which must include each Auth0 callback URL.")]
    [CmdletExample("Get-ScalekitRedirectUri", "Lists the redirect URIs of the client of the Scalekit context.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit | Get-ScalekitRedirectUri", "Lists the redirect URIs of the Scalekit client that connection signs in with.")]
    [Cmdlet(VerbsCommon.Get, "ScalekitRedirectUri")]
    [OutputType(typeof(string))]
    public sealed class GetScalekitRedirectUriCommand : ScalekitAuth0Cmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The Scalekit client (skc_...), which binds from a piped connection. Default: the client of the Scalekit context.")]
        [ValidateText]
        public string? ClientId { get; set; }

        protected override void ProcessRecord() => ForEachInput(ClientId, () =>
        {
            var clientId = string.IsNullOrEmpty(ClientId) ? ScalekitEnvironment.ClientId : ClientId!;
            WriteObject(Run(operation => ScalekitEnvironment.Client.GetClientAsync(clientId, operation)).RedirectUris, enumerateCollection: true);
        });
    }
}
