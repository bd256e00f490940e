using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ScalekitAuth0.Auth0;

namespace ScalekitAuth0.Completion
{
    // The completers the cmdlets name in [ArgumentCompleter]: each says what it lists and what an
    // item offers; ServiceCompleter does the rest.

    /// <summary>Names of the tenant's OpenID Connect connections, the only kind the connection cmdlets work on.</summary>
    internal sealed class ConnectionNameCompleter : Auth0Completer<Auth0Connection>
    {
        public ConnectionNameCompleter()
            : base((context, onPage, operation) => context.Client.ListConnectionsAsync(new[] { "oidc" }, onPage, operation),
                c => new Candidate(c.Name, $"{c.DisplayName ?? c.Name} ({c.Id})"))
        {
        }
    }

    /// <summary>
    /// Auth0 application names as the dashboard shows them (quoted when they hold a space, like
    /// 'My App'). The start of a client id, which the same parameters accept, finds one too; the
    /// name is offered because that is what users recognise. Machine-to-machine applications (this
    /// module's own Management API client among them) are left out: no user signs in to them.
    /// </summary>
    internal sealed class ApplicationCompleter : Auth0Completer<Auth0Application>
    {
        public ApplicationCompleter()
            : base((context, onPage, operation) => context.Client.ListApplicationsAsync(page => onPage(page.Where(a => !a.IsMachineToMachine).ToList()), operation),
                a => new Candidate(a.Name, $"{a.Name} ({a.ClientId})", a.ClientId))
        {
        }
    }

    /// <summary>
    /// Scalekit organization ids. Typing the start of a customer's name or external id finds its
    /// organization too, since nobody remembers org_... ids; the id is what is inserted.
    /// </summary>
    internal sealed class OrganizationIdCompleter : ScalekitCompleter<ScalekitOrganization>
    {
        public OrganizationIdCompleter()
            : base((context, onPage, operation) => context.Client.ListOrganizationsAsync(onPage, operation),
                o => new Candidate(o.Id, o.ExternalId is null ? o.DisplayName : $"{o.DisplayName} ({o.ExternalId})", o.DisplayName, o.ExternalId ?? "")
                {
                    ListItemText = $"{o.Id} ({o.DisplayName})",
                })
        {
        }
    }

    /// <summary>The external ids of the environment's organizations (those that have one), with the organization's name.</summary>
    internal sealed class ExternalIdCompleter : ScalekitCompleter<ScalekitOrganization>
    {
        public ExternalIdCompleter()
            : base((context, onPage, operation) => context.Client.ListOrganizationsAsync(page => onPage(page.Where(o => o.ExternalId is not null).ToList()), operation),
                o => new Candidate(o.ExternalId!, $"{o.DisplayName} ({o.Id})", o.DisplayName))
        {
        }
    }

    /// <summary>The domains Home Realm Discovery routes in the tenant, each with the connection it goes to.</summary>
    internal sealed class HrdDomainCompleter : Auth0Completer<(string Domain, string Connection)>
    {
        public HrdDomainCompleter()
            : base((context, onPage, operation) => context.Client.ListConnectionsAsync(new string[0],
                    page => onPage(page.SelectMany(c => c.DomainAliases.Select(domain => (domain, c.Name))).ToList()), operation),
                route => new Candidate(route.Domain, $"{route.Domain}, routed to {route.Connection}"))
        {
        }
    }

    /// <summary>The redirect URIs the Scalekit client of the context allows.</summary>
    internal sealed class RedirectUriCompleter : ScalekitCompleter<string>
    {
        public RedirectUriCompleter()
            : base(async (context, onPage, operation) => onPage((await context.Client.GetClientAsync(context.ClientId, operation).ConfigureAwait(false)).RedirectUris),
                uri => new Candidate(uri, uri))
        {
        }
    }

    /// <summary>
    /// For a parameter that takes a new value (a new external id): there is nothing to offer, and
    /// PowerShell's fallback, the current folder's file names, would be worse than nothing.
    /// </summary>
    internal sealed class NewValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            new CompletionResult[0];
    }
}
