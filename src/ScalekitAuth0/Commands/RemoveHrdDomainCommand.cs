using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Removes email domains from a connection's Home Realm Discovery list, and from a Scalekit organization.",
        "Domains are normalized as Add-HrdDomain does, gathered from the whole pipeline, and each connection is read once and written once with its whole options and display name, then read back; if a concurrent writer put a removed domain back, it is removed again. A domain the connection does not route is not an error. With -Organization the domains are then deleted from that Scalekit organization too (Auth0 first, so no user is sent to Scalekit for a domain Scalekit no longer knows). Asks for confirmation unless -Confirm:$false is given (runbooks must pass it).")]
    [CmdletExample("Remove-HrdDomain -ConnectionName scalekit -Domain acme.co.uk -Confirm:$false",
        "Stops routing acme.co.uk users to the connection, without asking.")]
    [CmdletExample("Get-HrdDomain -ConnectionName scalekit -Domain '*.test' | Remove-HrdDomain -PassThru",
        "Removes every test domain in one write and lists what was removed.")]
    [Cmdlet(VerbsCommon.Remove, "HrdDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HrdDomain))]
    public sealed class RemoveHrdDomainCommand : HrdDomainBatchCmdlet
    {
        [Parameter(HelpMessage = "Writes each removed domain to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        private protected override void Apply(HrdDomainBatch batch)
        {
            var target = HrdWork.Read(batch.ConnectionName);
            var organizations = Organizations(batch);
            target.RequireOptions(", so which of the domains it routes cannot be told");
            var routed = new HashSet<string>(target.DomainAliases.Select(DomainName.Comparable), StringComparer.Ordinal);
            var toRemove = batch.Domains.Where(d => routed.Contains(DomainName.Comparable(d))).ToList();
            if (toRemove.Count == 0 && organizations.Count == 0)
            {
                WriteVerbose($"Connection '{target.Name}' routes none of {ShownText.Few(batch.Domains)}; nothing to remove.");
                return;
            }
            var what = toRemove.Count == 0 ? "" : $"Remove {toRemove.Count} Home Realm Discovery domain(s): {ShownText.Few(toRemove)}";
            var where = organizations.Count == 0 ? "" : $"{(what.Length == 0 ? "Delete" : ", then delete")} {ShownText.Few(batch.Domains)} from Scalekit organization {Names(organizations)}";
            if (!ShouldProcess(HrdWork.Describe(target), what + where))
            {
                return;
            }
            var (plan, connection) = HrdWork.Edit(target, HrdDomainChange.Removing(batch.Domains));
            if (plan.Removed.Count < batch.Domains.Count)
            {
                WriteVerbose($"Connection '{target.Name}' did not route {batch.Domains.Count - plan.Removed.Count} of the domain(s); nothing to remove for those.");
            }
            foreach (var (organization, domains) in organizations)
            {
                var scalekit = ScalekitEnvironment.Client;
                var deleted = Run(operation => scalekit.UnregisterOrganizationDomainsAsync(organization.Id, domains, operation));
                WriteVerbose($"Deleted {deleted.Count} domain(s) from Scalekit organization '{organization.DisplayName}'.");
            }
            if (PassThru)
            {
                WriteObject(plan.Removed.Select(domain => HrdDomain.From(domain, connection, Auth0Tenant)), enumerateCollection: true);
            }
        }
    }
}
