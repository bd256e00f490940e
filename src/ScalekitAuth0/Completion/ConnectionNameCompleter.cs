using System.Collections;
using System.Collections.Generic;

namespace ScalekitAuth0.Completion
{
    /// <summary>Completes the names of the tenant's OpenID Connect connections (the only kind the connection cmdlets work on).</summary>
    public sealed class ConnectionNameCompleter : ServiceCompleter
    {
        private protected override IReadOnlyList<Candidate> Fetch(IDictionary fakeBoundParameters)
        {
            var context = Auth0Context(fakeBoundParameters);
            return context is null
                ? new Candidate[0]
                : Within(operation => Collect<Auth0.Auth0Connection>(
                    onPage => context.Client.ListConnectionsAsync(new[] { "oidc" }, onPage, operation),
                    c => new Candidate(c.Name, $"{c.DisplayName ?? c.Name} ({c.Id})")));
        }
    }
}
