using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// Applications, and which of them a connection is enabled for. Only through the dedicated
    /// <c>/connections/{id}/clients</c> endpoints: the connection's <c>enabled_clients</c> field is
    /// deprecated, and tenants created since 2026 do not have it.
    /// </summary>
    internal sealed partial class Auth0Client
    {
        /// <summary>Auth0 refuses a PATCH of more than 50 client statuses.</summary>
        internal const int EnabledClientsPerPatch = 50;

        /// <summary>The most Auth0 returns per page of a connection's clients: one request for nearly every tenant.</summary>
        private const int EnabledClientsPageSize = 1000;

        /// <summary>
        /// Every application of the tenant, id, name and callbacks only (needs <c>read:clients</c>). Checkpoint
        /// paging (<c>take</c>/<c>from</c>), which Auth0 accepts on <c>/clients</c> as on
        /// <c>/connections</c>, so one paging loop serves both and no offset limit applies.
        /// </summary>
        public Task ListApplicationsAsync(Action<IReadOnlyList<Auth0Application>> onPage, Operation operation) =>
            Paging.CheckpointAsync(Transport, "api/v2/clients?fields=client_id,name,callbacks,app_type&include_fields=true", "clients", PageSize,
                page => onPage(page.OfType<JObject>()
                    .Where(c => c["client_id"]?.Type == JTokenType.String)
                    .Select(c => new Auth0Application((string)c["client_id"]!, (string?)c["name"] ?? "",
                        (c["callbacks"] as JArray)?.Where(u => u.Type == JTokenType.String).Select(u => (string)u!).ToList(), (string?)c["app_type"]))
                    .ToList()),
                operation);

        /// <summary>The client ids the connection is enabled for, in Auth0's order.</summary>
        public async Task<IReadOnlyList<string>> GetEnabledClientIdsAsync(string connectionId, Operation operation)
        {
            var ids = new List<string>();
            await Paging.CheckpointAsync(Transport, EnabledClientsPath(connectionId), "clients", EnabledClientsPageSize,
                page => ids.AddRange(page.Select(c => (string?)c["client_id"]).Where(id => id is not null).Select(id => id!)),
                operation).ConfigureAwait(false);
            return ids;
        }

        /// <summary>Reads the connection's enabled clients and works out which of the applications need their status set.</summary>
        public async Task<EnabledClientsChange> PlanEnabledClientsAsync(string connectionId, IEnumerable<Auth0Application> applications, bool enable, Operation operation) =>
            new EnabledClientsChange(connectionId, enable, await GetEnabledClientIdsAsync(connectionId, operation).ConfigureAwait(false), applications);

        /// <summary>
        /// Sends the change in PATCHes of at most 50. Each sets statuses (not a toggle), so sending
        /// one again after a lost answer leaves the same state: it may be retried, and a re-run of
        /// a half-sent change finishes it.
        /// </summary>
        public async Task ApplyEnabledClientsAsync(EnabledClientsChange change, Operation operation)
        {
            foreach (var batch in change.Batches(EnabledClientsPerPatch))
            {
                await Transport.SendAsync(ApiRequest.Patch(EnabledClientsPath(change.ConnectionId), batch, repeatable: true), operation).ConfigureAwait(false);
            }
        }

        private static string EnabledClientsPath(string connectionId) => "api/v2/connections/" + Uri.EscapeDataString(connectionId) + "/clients";
    }
}
