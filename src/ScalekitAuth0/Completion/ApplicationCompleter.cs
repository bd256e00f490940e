using System.Collections;
using System.Collections.Generic;

namespace ScalekitAuth0.Completion
{
    /// <summary>
    /// Completes Auth0 application names as the dashboard shows them (quoted when they hold a space,
    /// like 'My App'); the tooltip gives the client id, which the same parameters also accept.
    /// </summary>
    public sealed class ApplicationCompleter : ServiceCompleter
    {
        private protected override IReadOnlyList<Candidate> Fetch(IDictionary fakeBoundParameters)
        {
            var context = Auth0Context(fakeBoundParameters);
            return context is null
                ? new Candidate[0]
                : Within(operation => Collect<Auth0.Auth0Application>(
                    onPage => context.Client.ListApplicationsAsync(onPage, operation),
                    a => new Candidate(a.Name, $"{a.Name} ({a.ClientId})", a.ClientId)));
        }
    }
}
