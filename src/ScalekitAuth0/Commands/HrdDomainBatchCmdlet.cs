using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// Add-HrdDomain and Remove-HrdDomain: domains gathered from the whole pipeline, validated as they
    /// arrive, and written once per connection when the last one is in.
    /// </summary>
    public abstract class HrdDomainBatchCmdlet : ScalekitAuth0Cmdlet
    {
        private readonly Dictionary<string, HrdDomainBatch> _batches = new Dictionary<string, HrdDomainBatch>(StringComparer.Ordinal);
        private readonly Dictionary<string, ScalekitOrganization> _organizations = new Dictionary<string, ScalekitOrganization>(StringComparer.Ordinal);
        private HrdDomainWork? _hrdWork;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Email domains, such as acme.com (the part of an address after the '@'); internationalised names are converted to punycode. Binds from piped text or a piped object's Domain property, never from an object's string form.")]
        [ArgumentCompleter(typeof(HrdDomainCompleter))]
        [TextOnly(nameof(Domain), "Pipe domain names, objects with a Domain property (Get-HrdDomain, or Import-Csv of a file with a Domain column), or pass -Domain.")]
        [AllowEmptyString]
        public string[] Domain { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Auth0 connection's name (binds from a piped connection's Name or a piped domain's ConnectionName).")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("Name")]
        [ValidateText]
        public string ConnectionName { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Scalekit organization whose ORGANIZATION_DOMAINs change with these domains: an object from Get- or New-ScalekitOrganization (piped, it binds here), its id (org_...), or its external id (binds from an ExternalId column).")]
        [ArgumentCompleter(typeof(OrganizationIdCompleter))]
        [Alias("OrganizationId", "ExternalId")]
        [ValidateText]
        public object? Organization { get; set; }

        [Parameter(HelpMessage = "Changes the connection even when it does not point at Scalekit (another OIDC connection of the tenant), instead of failing with NotAScalekitConnection. Add-HrdDomain also routes, instead of refusing with HrdDomainRoutesEveryone, a domain that would send everyone to the connection (a public mail provider such as gmail.com, an IP address, an all-digit top-level name).")]
        public SwitchParameter Force { get; set; }

        /// <summary>The tenant's routes, the target connections and their checked writes, for this command.</summary>
        private protected HrdDomainWork HrdWork => _hrdWork ??= new HrdDomainWork(Work, Auth0Tenant, connection => RequirePointsAtScalekit(connection, Force));

        /// <summary>Nothing is written here: a bad domain later in the pipeline must be able to stop the command before any write.</summary>
        protected override void ProcessRecord() => ForEachInput(ConnectionName, () =>
        {
            var argument = Organization is null ? null : OrganizationArgument.Parse(Organization);
            if (!_batches.TryGetValue(ConnectionName, out var batch))
            {
                batch = new HrdDomainBatch(ConnectionName);
                _batches.Add(ConnectionName, batch);
            }
            foreach (var domain in Domain)
            {
                ForEachInput(domain, () => batch.Add(Accept(domain), argument));
            }
        });

        protected override void EndProcessing()
        {
            foreach (var batch in _batches.Values.Where(batch => batch.Domains.Count > 0))
            {
                ForEachInput(batch.ConnectionName, () => Apply(batch));
            }
        }

        /// <summary>One domain of the input in its normal form, or the error that names it.</summary>
        private protected virtual string Accept(string domain) => DomainName.NormalizeInput(domain, nameof(Domain));

        /// <summary>Writes one connection's batch; every domain in it is valid and appears once.</summary>
        private protected abstract void Apply(HrdDomainBatch batch);

        /// <summary>The batch's organizations with their domains; each is looked up once per command, however many domains name it.</summary>
        private protected IReadOnlyList<(ScalekitOrganization Organization, IReadOnlyList<string> Domains)> Organizations(HrdDomainBatch batch) =>
            batch.Organizations.Select(group => (Resolve(group.Argument), (IReadOnlyList<string>)group.Domains)).ToList();

        protected static string Names(IEnumerable<(ScalekitOrganization Organization, IReadOnlyList<string> Domains)> organizations) =>
            string.Join(", ", organizations.Select(o => $"'{o.Organization.DisplayName}'"));

        private ScalekitOrganization Resolve(OrganizationArgument argument)
        {
            if (!_organizations.TryGetValue(argument.Key, out var organization))
            {
                var client = ScalekitEnvironment.Client;
                organization = argument.Resolve(key => Run(operation => client.ResolveOrganizationAsync(key, operation)));
                _organizations.Add(argument.Key, organization);
            }
            return organization;
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
