using System;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Hrd
{
    /// <summary>
    /// Changes a connection's Home Realm Discovery list without losing a concurrent writer's change,
    /// although Auth0 offers no conditional write (no ETag, no If-Match; a PATCH replaces options whole).
    /// </summary>
    /// <remarks>
    /// Every writer reads, merges its change, writes, waits a moment, and reads again; if its change is
    /// no longer there, it merges once more onto what it just read and writes again (at most
    /// <see cref="MaxWrites"/> writes). Reading back at once would not do: A reads, B reads, A writes,
    /// A reads back (all there), B writes (without A's domains), and A has already returned. The wait
    /// closes that gap: a writer that read before our write writes within the time it takes between its
    /// own read and write, so when we read back after waiting longer than that, its write is already in
    /// and we see what it dropped. The wait is a base, plus twice what our own write took (a write slowed
    /// by rate limits or retries means the other writer's is slow too), plus jitter so writers do not
    /// move in lockstep. The residual race, which only a conditional write could close: a writer whose
    /// read-to-write gap is longer than our wait (for example one stalled by a long Retry-After between
    /// its read and its write) can still overwrite us after our check; its own read-back then sees only
    /// its own change. Keeping our read-to-write gap short helps everyone: a plan is read just before it
    /// is written, and a plan that waited (a -Confirm prompt) is read again first.
    /// </remarks>
    internal sealed class HrdDomainEditor
    {
        public const int MaxWrites = 5;

        public static readonly TimeSpan DefaultSettleTime = TimeSpan.FromMilliseconds(500);

        /// <summary>Well under the settle time of other writers, so our own read-to-write gap stays shorter than their wait.</summary>
        private static readonly TimeSpan FreshFor = TimeSpan.FromMilliseconds(200);

        private readonly IConnectionStore _store;
        private readonly TimeSpan _settleTime;

        public HrdDomainEditor(IConnectionStore store)
            : this(store, DefaultSettleTime)
        {
        }

        internal HrdDomainEditor(IConnectionStore store, TimeSpan settleTime)
        {
            _store = store;
            _settleTime = settleTime;
        }

        /// <summary>One read of the connection, and the change merged onto it; writes nothing.</summary>
        public async Task<HrdDomainPlan> PlanAsync(string connectionId, HrdDomainChange change, Operation operation) =>
            HrdDomainPlan.Merge(await _store.GetConnectionAsync(connectionId, operation).ConfigureAwait(false), change);

        /// <summary>Writes the plan and checks it held, merging again when a concurrent writer dropped it; returns the connection as last read.</summary>
        public async Task<Auth0Connection> ApplyAsync(HrdDomainPlan plan, Operation operation)
        {
            if (plan.HasChanges && plan.Age > FreshFor)
            {
                plan = await PlanAsync(plan.Connection.Id, plan.Change, operation).ConfigureAwait(false);
            }
            if (!plan.HasChanges)
            {
                return plan.Connection;
            }
            var change = plan.Change;
            var writing = plan;
            var checkedWrite = new CheckedWrite<Auth0Connection>(
                write: (connection, op) =>
                {
                    writing = HrdDomainPlan.Merge(connection, change);
                    return _store.UpdateConnectionAsync(connection.Id, writing.UpdateBody(), op);
                },
                readBack: op => _store.GetConnectionAsync(plan.Connection.Id, op),
                holds: connection => change.IsSatisfiedBy(connection.DomainAliases),
                gaveUp: connection => new ScalekitAuth0Exception("HrdConcurrentUpdateLost", ApiErrorKind.Conflict,
                    $"Another writer kept overwriting the Home Realm Discovery domains of Auth0 connection '{connection.Name}': after {MaxWrites} writes this change is still not there.",
                    "Find what else changes this connection at the same time (another runbook, a deployment pipeline), then run the command again: it converges."))
            {
                MaxWrites = MaxWrites,
                SettleTime = SettleTime,
                Written = (connection, settle, log) => log.Verbose($"Wrote {writing.Aliases.Count} domain(s) to connection '{connection.Name}'; reading it back in {settle.TotalSeconds:0.00} s to check that no concurrent writer dropped the change."),
                Lost = (connection, write, log) => log.Verbose($"A concurrent writer changed connection '{connection.Name}' and dropped part of this change; merging it again (write {write + 1} of at most {MaxWrites})."),
            };
            return await checkedWrite.RunAsync(plan.Connection, operation).ConfigureAwait(false);
        }

        private TimeSpan SettleTime(TimeSpan writeTime) =>
            _settleTime + writeTime + writeTime + TimeSpan.FromMilliseconds(_settleTime.TotalMilliseconds / 2 * Jitter.Next());
    }
}
