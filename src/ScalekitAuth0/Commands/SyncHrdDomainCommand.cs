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

        [Parameter(HelpMessage = "Also removes the domains no Scalekit organization owns; asks first, as a High-impact change does, unless -Force or -Confirm:$false.")]
        public SwitchParameter Prune { get; set; }

        [Parameter(HelpMessage = "Prunes without asking, and changes the connection even when it does not point at Scalekit (instead of failing with NotAScalekitConnection).")]
        public SwitchParameter Force { get; set; }

        private HrdDomainWork HrdWork => _hrdWork ??= new HrdDomainWork(Work, Auth0Tenant, connection => RequirePointsAtScalekit(connection, Force));

        protected override void ProcessRecord() => ForEachInput(ConnectionName, () =>
        {
            var target = HrdWork.Target(ConnectionName);
            var owners = _owners ??= ReadOwners();
            var desired = HrdWork.Routable(owners.Keys.Select(DomainName.Comparable).Distinct().OrderBy(d => d, StringComparer.Ordinal).ToList(), target);
            var plan = HrdWork.Plan(target, Prune ? HrdDomainChange.Exactly(desired) : HrdDomainChange.Adding(desired));
            var result = new HrdDomainSyncResult
            {
                ConnectionName = target.Name,
                ConnectionId = target.Id,
                Tenant = Auth0Tenant.Domain,
                TenantContext = Auth0Tenant,
                Added = plan.Added.ToArray(),
                Removed = plan.Removed.ToArray(),
                Unchanged = plan.Unchanged,
            };
            if (!plan.HasChanges)
            {
                WriteVerbose($"Connection '{target.Name}' already routes every Scalekit organization domain{(Prune ? " and no other" : "")}; nothing to change.");
            }
            else if (ShouldProcess(HrdWork.Describe(target), Summary(plan)) && PruneConfirmed(plan, target.Name))
            {
                HrdWork.Apply(plan);
                result.Applied = true;
            }
            WriteObject(result);
        });

        /// <summary>
        /// ConfirmImpact is the cmdlet's, Medium, so removing asks for itself, as a High-impact change
        /// would: unless -Force, -Confirm (already asked) or -Confirm:$false, or $ConfirmPreference None.
        /// </summary>
        private bool PruneConfirmed(HrdDomainPlan plan, string connectionName)
        {
            if (plan.Removed.Count == 0 || Force || MyInvocation.BoundParameters.ContainsKey("Confirm")
                || GetVariableValue("ConfirmPreference") is ConfirmImpact.None)
            {
                return true;
            }
            return ShouldContinue($"Stop routing {plan.Removed.Count} domain(s) no Scalekit organization owns ({ShownText.Few(plan.Removed)}) to connection '{connectionName}'? Their users will no longer be sent to Scalekit.",
                "Prune Home Realm Discovery domains");
        }

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
