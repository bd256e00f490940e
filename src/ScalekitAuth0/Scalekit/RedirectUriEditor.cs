using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Changes a Scalekit client's allowed redirect URIs without losing a concurrent writer's change.</summary>
    internal static class RedirectUriEditor
    {
        /// <summary>A read-back that still misses the change after this many writes means something else keeps undoing it.</summary>
        private const int MaxWrites = 3;

        /// <summary>
        /// Writes the change and reads the client back. The PATCH replaces the whole list, so two
        /// writers that read the same list lose each other's URIs; the read-back sees that, and the
        /// change is merged into what is there now (a bounded number of times). Scalekit refusing the
        /// list for its cap is the same error as the module seeing that the URIs do not fit.
        /// </summary>
        public static Task<ScalekitClientInfo> ApplyRedirectUriChangeAsync(this ScalekitClient client, ScalekitClientInfo read, RedirectUriChange change, Operation operation) =>
            new CheckedWrite<ScalekitClientInfo>(
                write: async (current, op) =>
                {
                    try
                    {
                        await client.UpdateRedirectUrisAsync(current, change.ApplyTo(current.RedirectUris), op).ConfigureAwait(false);
                    }
                    catch (ApiException e) when (RedirectUriLimit.IsRefusal(e, current.RedirectUriField))
                    {
                        throw RedirectUriLimit.Exceeded(read.Id, current.RedirectUriField, current.RedirectUris, change.Missing(current.RedirectUris), stored: true, e);
                    }
                },
                readBack: op => client.GetClientAsync(read.Id, op),
                holds: current => change.IsSatisfiedBy(current.RedirectUris),
                gaveUp: current => new ScalekitAuth0Exception("RedirectUrisNotKept", ApiErrorKind.Conflict,
                    $"Scalekit client {read.Id} still does not show the change to its {current.RedirectUriField} after {MaxWrites} writes.",
                    "Something else keeps rewriting the client's redirect URIs, or this Scalekit deployment ignores the field; check the client in the Scalekit dashboard (Authentication > Redirects), then run the command again."))
            {
                MaxWrites = MaxWrites,
                Lost = (_, write, log) => log.Verbose($"Scalekit client {read.Id} does not show the change after write {write}; another writer may have replaced its list. Merging again."),
            }.RunAsync(read, operation);
    }
}
