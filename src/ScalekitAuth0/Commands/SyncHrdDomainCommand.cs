using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Makes a connection route the domains of all Scalekit organizations.",
        "Reads every organization of the Scalekit environment (all pages) and each one's ORGANIZATION_DOMAINs, then adds to the connection's Home Realm Discovery list the ones it lacks, with one read and one write of the connection and a read-back that catches a concurrent writer. With -Prune it also removes the domains no organization owns. A domain another connection of the tenant routes is reported and left alone. -WhatIf writes nothing and still returns the result, showing what would change.")]
    [CmdletExample("Sync-HrdDomain -ConnectionName scalekit -Prune -WhatIf",
        "Shows which domains would be added and which removed, without changing anything.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit | Sync-HrdDomain",
        "Adds every Scalekit organization domain the connection does not route yet; a nightly runbook can run this.")]
    [Cmdlet(VerbsData.Sync, "HrdDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HrdDomainSyncResult))]
    public sealed class SyncHrdDomainCommand : ScalekitAuth0Cmdlet
    {
        private HrdDomainWork? _hrdWork;
        private IReadOnlyDictionary<string, ScalekitOrganization>? _owners;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Auth0 connection's name (binds from a piped connection's Name).")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("Name")]
        [ValidateText]
        public string ConnectionName { get; set; } = "";

        [Parameter(HelpMessage = "Also removes the domains no Scalekit organization owns.")]
        public SwitchParameter Prune { get; set; }

        private HrdDomainWork HrdWork => _hrdWork ??= new HrdDomainWork(Work, Auth0Tenant);

        protected override void ProcessRecord() => ForEachInput(ConnectionName, () =>
        {
            var target = HrdWork.Target(ConnectionName);
            var owners = _owners ??= ReadOwners();
            var desired = HrdWork.Routable(owners.Keys.Select(DomainName.Comparable).Distinct().OrderBy(d => d, StringComparer.Ordinal), target);
            var plan = HrdWork.Plan(target, Prune ? HrdDomainChange.Exactly(desired) : HrdDomainChange.Adding(desired));
            var result = new HrdDomainSyncResult
            {
                ConnectionName = target.Name,
                ConnectionId = target.Id,
                Tenant = Auth0Tenant.Domain,
                Added = plan.Added.ToArray(),
                Removed = plan.Removed.ToArray(),
                Unchanged = plan.Unchanged,
                Applied = !plan.HasChanges,
            };
            if (plan.HasChanges && ShouldProcess(HrdWork.Describe(target), Summary(plan)))
            {
                HrdWork.Apply(plan);
                result.Applied = true;
            }
            WriteObject(result);
        });

        private IReadOnlyDictionary<string, ScalekitOrganization> ReadOwners()
        {
            var client = ScalekitEnvironment.Client;
            return Work.RunWithProgress("Reading the domains of Scalekit organizations", "organizations",
                (operation, progress) => client.ListAllOrganizationDomainsAsync(progress, operation));
        }

        private static string Summary(HrdDomainPlan plan)
        {
            var parts = new List<string>();
            if (plan.Added.Count > 0)
            {
                parts.Add($"add {plan.Added.Count} ({ShownText.Few(plan.Added)})");
            }
            if (plan.Removed.Count > 0)
            {
                parts.Add($"remove {plan.Removed.Count} ({ShownText.Few(plan.Removed)})");
            }
            return $"Home Realm Discovery domains: {string.Join("; ", parts)}; keep {plan.Unchanged}";
        }
    }
}
