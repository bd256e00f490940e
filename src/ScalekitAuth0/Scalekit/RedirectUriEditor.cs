using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Changes a Scalekit client's allowed redirect URIs without losing a concurrent writer's change.</summary>
    internal static class RedirectUriEditor
    {
        /// <summary>A read-back that still misses the change after this many writes means something else keeps undoing it.</summary>
        private const int MaxWrites = 5;

        /// <summary>
        /// Writes the change through the one checked write (under the client's lock, read and merged
        /// again before every write, read back after the settle window). The PATCH replaces the whole
        /// list, so two writers that read the same list lose each other's URIs; the read-back sees
        /// that, and the change is merged into what is there now. Scalekit refusing the list for its
        /// cap is the same error as the module seeing that the URIs do not fit.
        /// </summary>
        /// <param name="read">The client as the plan was made from; read again before the write.</param>
        public static Task<ScalekitClientInfo> ApplyRedirectUriChangeAsync(this ScalekitClient client, ScalekitClientInfo read, RedirectUriChange change, Operation operation) =>
            new CheckedWrite<ScalekitClientInfo>(
                lockKey: $"scalekit {client.Transport.BaseUri.Authority} client {read.Id}",
                what: $"the redirect URIs of Scalekit client {read.Id}",
                read: op => client.GetClientAsync(read.Id, op),
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
                holds: current => change.IsSatisfiedBy(current.RedirectUris),
                gaveUp: current => new ScalekitAuth0Exception("RedirectUrisNotKept", ApiErrorKind.Conflict,
                    $"Scalekit client {read.Id} still does not show the change to its {current.RedirectUriField} after {MaxWrites} writes.",
                    "Something else keeps rewriting the client's redirect URIs, or this Scalekit deployment ignores the field; check the client in the Scalekit dashboard (Authentication > Redirects), then run the command again."))
            {
                MaxWrites = MaxWrites,
            }.RunAsync(operation);
    }
}
