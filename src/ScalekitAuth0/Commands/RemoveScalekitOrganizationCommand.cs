using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Deletes a Scalekit organization.",
        "Deletes the organization with its domains and SSO connections: its users can no longer sign in through their identity provider. Remove its domains from Auth0 first (Remove-HrdDomain), or run Sync-HrdDomain -Prune afterwards. Asks for confirmation unless -Confirm:$false is given (runbooks must pass it).")]
    [CmdletExample("Remove-ScalekitOrganization -Organization acme -Confirm:$false", "Deletes the organization whose external id is acme, without asking.")]
    [CmdletExample("Get-ScalekitOrganization | Where-Object DisplayName -like 'Test *' | Remove-ScalekitOrganization -WhatIf", "Shows which test organizations would be deleted.")]
    [Cmdlet(VerbsCommon.Remove, "ScalekitOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ScalekitOrganization))]
    public sealed class RemoveScalekitOrganizationCommand : ScalekitOrganizationCmdlet
    {
        [Parameter(HelpMessage = "Writes the deleted organization to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachInput(Organization, () =>
        {
            var client = ScalekitEnvironment.Client;
            var organization = ResolveOrganization();
            if (!ShouldProcess($"Scalekit organization '{organization.DisplayName}' ({organization.Id}) in {ScalekitEnvironment.EnvironmentUrl}", "Delete, with its domains and SSO connections"))
            {
                return;
            }
            Run(operation => client.DeleteOrganizationAsync(organization.Id, operation));
            if (PassThru)
            {
                WriteObject(organization);
            }
        });
    }
}
