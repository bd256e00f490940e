using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What the Home Realm Discovery cmdlets share: domains gathered from the whole pipeline and
    /// written once per connection, one listing of the tenant per command, and the editor that writes
    /// without losing a concurrent writer's change.
    /// </summary>
    public abstract class HrdDomainCmdlet : Auth0Cmdlet
    {
        private ScalekitContext? _scalekit;

        [Parameter(HelpMessage = "The Scalekit connection to use, from Connect-Scalekit -PassThru. Default: the current runspace's. Needed only with -Organization, and by Sync-HrdDomain.")]
        public ScalekitContext? ScalekitContext { get; set; }

        /// <summary>
        /// Resolved on first use, on the pipeline thread: Add-HrdDomain and Remove-HrdDomain without
        /// -Organization never touch Scalekit, so a runbook that only routes domains need not connect to it.
        /// </summary>
        protected ScalekitContext Scalekit => _scalekit ??= ResolveScalekitContext(ScalekitContext);

        private readonly Dictionary<string, HrdDomainBatch> _batches = new Dictionary<string, HrdDomainBatch>(StringComparer.Ordinal);
        private readonly Dictionary<string, ScalekitOrganization> _organizations = new Dictionary<string, ScalekitOrganization>(StringComparer.Ordinal);
        private HrdDomainRoutes? _routes;

        /// <summary>The domains gathered, one batch per connection that got any valid one, in the order connections first came.</summary>
        private protected IEnumerable<HrdDomainBatch> Batches => _batches.Values.Where(batch => batch.Domains.Count > 0);

        /// <summary>Every connection of the tenant, listed once per command however many connections and domains it is given.</summary>
        protected HrdDomainRoutes Routes => _routes ??= ReadRoutes();

        /// <summary>
        /// Normalizes and gathers one pipeline input's domains; each bad one is reported, naming it,
        /// and is never written. Nothing is written before every input has arrived.
        /// </summary>
        protected void Collect(string connectionName, IEnumerable<string> domains, object? organization) => ForEachInput(connectionName, () =>
        {
            var argument = organization is null ? null : OrganizationArgument.Parse(organization);
            if (!_batches.TryGetValue(connectionName, out var batch))
            {
                batch = new HrdDomainBatch(connectionName);
                _batches.Add(connectionName, batch);
            }
            foreach (var domain in domains)
            {
                ForEachInput(domain, () => batch.Add(NormalizeDomain(domain, "Domain"), argument));
            }
        });

        protected Auth0Connection Target(string connectionName)
        {
            var routes = Routes;
            var client = Auth0.Client;
            return Run(operation => routes.RequireAsync(client, connectionName, operation));
        }

        /// <summary>One read, the change merged onto it, one write, and the read-back (see <see cref="HrdDomainEditor"/>).</summary>
        protected (HrdDomainPlan Plan, Auth0Connection Connection) Edit(Auth0Connection target, HrdDomainChange change)
        {
            var editor = new HrdDomainEditor(Auth0.Client);
            return Run(async operation =>
            {
                var plan = await editor.PlanAsync(target.Id, change, operation).ConfigureAwait(false);
                return (plan, await editor.ApplyAsync(plan, operation).ConfigureAwait(false));
            });
        }

        /// <summary>Each organization is looked up once per command, however many domains name it.</summary>
        private protected ScalekitOrganization Resolve(OrganizationArgument argument)
        {
            if (!_organizations.TryGetValue(argument.Key, out var organization))
            {
                var client = Scalekit.Client;
                organization = argument.Resolve(key => Run(operation => client.ResolveOrganizationAsync(key, operation)));
                _organizations.Add(argument.Key, organization);
            }
            return organization;
        }

        protected string Describe(Auth0Connection connection) => $"Auth0 connection '{connection.Name}' ({connection.Id}) on {Auth0.Domain}";

        /// <summary>A few domains by name and how many more: a confirmation prompt must stay readable for a thousand.</summary>
        protected static string List(IReadOnlyCollection<string> domains)
        {
            const int Shown = 5;
            var named = string.Join(", ", domains.Take(Shown));
            return domains.Count > Shown ? $"{named} and {domains.Count - Shown} more" : named;
        }

        private HrdDomainRoutes ReadRoutes()
        {
            var client = Auth0.Client;
            return Run(operation => HrdDomainRoutes.ReadAsync(client, operation));
        }

        /// <summary>The domains one command gathered for one connection, each once, with the organization each belongs to when one was given.</summary>
        private protected sealed class HrdDomainBatch
        {
            private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
            private readonly List<string> _domains = new List<string>();
            private readonly Dictionary<string, (OrganizationArgument Argument, List<string> Domains)> _byOrganization =
                new Dictionary<string, (OrganizationArgument, List<string>)>(StringComparer.Ordinal);

            public HrdDomainBatch(string connectionName)
            {
                ConnectionName = connectionName;
            }

            public string ConnectionName { get; }

            public IReadOnlyList<string> Domains => _domains;

            public IEnumerable<(OrganizationArgument Argument, List<string> Domains)> Organizations => _byOrganization.Values;

            public void Add(string domain, OrganizationArgument? organization)
            {
                if (!_seen.Add(domain))
                {
                    return;
                }
                _domains.Add(domain);
                if (organization is null)
                {
                    return;
                }
                if (!_byOrganization.TryGetValue(organization.Key, out var group))
                {
                    group = (organization, new List<string>());
                    _byOrganization.Add(organization.Key, group);
                }
                group.Domains.Add(domain);
            }
        }
    }
}
