using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Deletes a Scalekit organization.",
        "Deletes the organization with its domains and SSO connections: its users can no longer sign in through their identity provider. When Auth0 is connected, warns naming each connection that still routes the organization's domains, with the command that stops it (Sync-HrdDomain -Prune). Asks for confirmation unless -Confirm:$false is given (runbooks must pass it).")]
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
            var domains = Run(operation => client.ListOrganizationDomainsAsync(organization.Id, operation)).Select(d => d.Name).ToList();
            Run(operation => client.DeleteOrganizationAsync(organization.Id, operation));
            WarnOfRoutedDomains(organization, domains);
            if (PassThru)
            {
                WriteObject(organization);
            }
        });

        /// <summary>Auth0 would go on sending these users to Scalekit, which no longer knows where they belong.</summary>
        private void WarnOfRoutedDomains(ScalekitOrganization organization, IReadOnlyCollection<string> domains)
        {
            if (domains.Count == 0 || Auth0TenantAtHand is not Auth0Context tenant)
            {
                return;
            }
            var routes = Run(operation => HrdDomainRoutes.ReadAsync(tenant.Client, operation));
            var owned = new HashSet<string>(domains.Select(DomainName.Comparable), StringComparer.Ordinal);
            foreach (var connection in routes.Connections)
            {
                var routed = connection.DomainAliases.Where(alias => owned.Contains(DomainName.Comparable(alias))).ToList();
                if (routed.Count > 0)
                {
                    WriteWarning($"Auth0 connection '{connection.Name}' on {tenant.Domain} still routes {routed.Count} domain(s) of the deleted organization '{organization.DisplayName}' ({ShownText.Few(routed)}): their users are sent to Scalekit, which no longer knows them. Stop routing them: Sync-HrdDomain -ConnectionName '{connection.Name}' -Prune");
                }
            }
        }
    }
}
