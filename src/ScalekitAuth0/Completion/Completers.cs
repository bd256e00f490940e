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
    /// name is offered because that is what users recognise.
    /// </summary>
    internal sealed class ApplicationCompleter : Auth0Completer<Auth0Application>
    {
        public ApplicationCompleter()
            : base((context, onPage, operation) => context.Client.ListApplicationsAsync(onPage, operation),
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
                o => new Candidate(o.Id, o.ExternalId is null ? o.DisplayName : $"{o.DisplayName} ({o.ExternalId})", o.DisplayName, o.ExternalId ?? ""))
        {
        }
    }
}
