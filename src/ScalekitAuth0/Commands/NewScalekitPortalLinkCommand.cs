using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Creates a single-use Admin Portal link for a customer's IT administrator.",
        "The administrator opens the link to set up the organization's SSO connection (sso) or directory sync (dir_sync) in Scalekit's Admin Portal. The link is valid for one minute and whoever opens it first gets a six-hour session, so hand it on at once (a redirect, an iframe); do not email it or write it to a log.")]
    [CmdletExample("New-ScalekitPortalLink -Organization acme -Feature sso", "Creates an SSO-only portal link for the organization whose external id is acme.")]
    [CmdletExample("Get-ScalekitOrganization -ExternalId acme | New-ScalekitPortalLink | Select-Object -ExpandProperty Location", "Creates a link for SSO and directory sync and shows only its URL.")]
    [Cmdlet(VerbsCommon.New, "ScalekitPortalLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitPortalLink))]
    public sealed class NewScalekitPortalLinkCommand : ScalekitOrganizationCmdlet
    {
        [Parameter(HelpMessage = "What the administrator may configure: sso, dir_sync, or both (the default).")]
        [ValidateSet("sso", "dir_sync")]
        public string[] Feature { get; set; } = ScalekitClient.PortalFeatures.ToArray();

        protected override void ProcessRecord() => ForEachInput(Organization, () =>
        {
            var client = ScalekitEnvironment.Client;
            var organization = ResolveOrganization();
            if (ShouldProcess($"Scalekit organization '{organization.DisplayName}' ({organization.Id})", $"Create a single-use Admin Portal link for {string.Join(", ", Feature)}"))
            {
                WriteObject(Run(operation => client.CreatePortalLinkAsync(organization.Id, Feature, operation)));
            }
        });
    }
}
