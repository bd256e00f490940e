using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets the email domains Home Realm Discovery sends to each connection.",
        "For the connections named, or for every connection of the tenant (listed page by page), one object per domain with the connection that routes it. -Domain narrows the result and takes wildcards, which answers \"which connection does this domain go to?\".")]
    [CmdletExample("Get-HrdDomain -ConnectionName scalekit", "Lists the domains routed to the connection scalekit.")]
    [CmdletExample("Get-HrdDomain -Domain acme.com", "Shows which connection of the tenant, if any, routes acme.com.")]
    [CmdletExample("Get-HrdDomain | Group-Object ConnectionName | Sort-Object Count -Descending", "Counts the domains of each connection.")]
    [Cmdlet(VerbsCommon.Get, "HrdDomain")]
    [OutputType(typeof(HrdDomain))]
    public sealed class GetHrdDomainCommand : ScalekitAuth0Cmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Connection names (bind from a piped connection's Name). Default: every connection of the tenant.")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("Name")]
        [ValidateText]
        public string[]? ConnectionName { get; set; }

        [Parameter(HelpMessage = "Only these domains; wildcards allowed.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(HrdDomainCompleter))]
        [ValidateText(MaxLength = DomainName.MaxLength)]
        public string[]? Domain { get; set; }

        protected override void ProcessRecord()
        {
            var wanted = Patterns();
            var client = Auth0Tenant.Client;
            if (ConnectionName is null)
            {
                ForEachInput(null, () => Run(operation => client.ListConnectionsAsync(new string[0], page => Post(operation, () =>
                {
                    foreach (var connection in page)
                    {
                        Write(connection, wanted);
                    }
                }), operation)));
                return;
            }
            foreach (var name in ConnectionName)
            {
                ForEachInput(name, () => Write(Run(operation => client.RequireConnectionAsync(null, name, operation)), wanted));
            }
        }

        private void Write(Auth0Connection connection, IReadOnlyList<WildcardPattern>? wanted)
        {
            WarnIfOptionsHidden(connection);
            foreach (var domain in connection.DomainAliases)
            {
                if (wanted is null || wanted.Any(pattern => pattern.IsMatch(domain)))
                {
                    WriteObject(HrdDomain.From(domain, connection, Auth0Tenant));
                }
            }
        }

        /// <summary>
        /// A plain domain is compared in its normal form, so 'ACME.com' and 'bücher.de' find what the
        /// list holds; one that is no domain at all (an email address, a URL) is an error naming it,
        /// not a silent empty answer.
        /// </summary>
        private IReadOnlyList<WildcardPattern>? Patterns()
        {
            try
            {
                return Domain?
                    .Select(d => new WildcardPattern(WildcardPattern.ContainsWildcardCharacters(d) ? d : DomainName.NormalizeInput(d, nameof(Domain)), WildcardOptions.IgnoreCase))
                    .ToList();
            }
            catch (ScalekitAuth0Exception e)
            {
                throw Terminate(e, Domain);
            }
        }
    }
}
