using System;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Hrd
{
    /// <summary>
    /// Changes a connection's Home Realm Discovery list without losing a concurrent writer's change,
    /// although Auth0 offers no conditional write (no ETag, no If-Match; a PATCH replaces options
    /// whole): a plan to show and confirm, then the change through the connection's one checked write
    /// (<see cref="ConnectionEditor"/>), which merges it again onto a read made under the lock.
    /// </summary>
    internal sealed class HrdDomainEditor
    {
        private readonly IConnectionStore _store;
        private readonly ConnectionEditor _editor;

        public HrdDomainEditor(IConnectionStore store, TimeSpan? settleBase = null)
        {
            _store = store;
            _editor = new ConnectionEditor(store, settleBase);
        }

        /// <summary>One read of the connection, and the change merged onto it; writes nothing.</summary>
        public async Task<HrdDomainPlan> PlanAsync(string connectionId, HrdDomainChange change, Operation operation) =>
            HrdDomainPlan.Merge(await _store.GetConnectionAsync(connectionId, operation).ConfigureAwait(false), change);

        /// <summary>Writes the plan's change and checks it held, merging again when a concurrent writer dropped it; returns the connection as last read.</summary>
        public Task<Auth0Connection> ApplyAsync(HrdDomainPlan plan, Operation operation) =>
            plan.HasChanges ? _editor.ApplyAsync(plan.Connection.Id, plan.Change, operation) : Task.FromResult(plan.Connection);
    }
}
