using System;
using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// The one way a change reaches a connection's options: Auth0 replaces <c>options</c> wholesale and
    /// offers no conditional write (no ETag, no version), so every writer (settings, -Force, Home Realm
    /// Discovery) goes through the one checked write, under the connection's lock.
    /// </summary>
    internal sealed class ConnectionEditor
    {
        public const int MaxWrites = 5;

        private readonly IConnectionStore _store;
        private readonly TimeSpan? _settleBase;

        public ConnectionEditor(IConnectionStore store, TimeSpan? settleBase = null)
        {
            _store = store;
            _settleBase = settleBase;
        }

        /// <returns>The connection as last read back, showing the change.</returns>
        public Task<Auth0Connection> ApplyAsync(string connectionId, IConnectionChange change, Operation operation)
        {
            var checkedWrite = new CheckedWrite<Auth0Connection>(
                lockKey: $"auth0 {_store.Tenant} connection {connectionId}",
                what: $"Auth0 connection {connectionId}",
                read: op => _store.GetConnectionAsync(connectionId, op),
                write: (connection, op) => _store.UpdateConnectionAsync(connection.Id, change.BodyFor(connection), op),
                holds: change.IsShownBy,
                gaveUp: connection => change.Lost(connection, MaxWrites))
            {
                MaxWrites = MaxWrites,
            };
            if (_settleBase is TimeSpan settleBase)
            {
                checkedWrite.SettleBase = settleBase;
            }
            return checkedWrite.RunAsync(operation);
        }

        /// <summary>For changes of a connection's settings (not its domains) that a concurrent writer kept dropping.</summary>
        public static ScalekitAuth0Exception SettingsLost(Auth0Connection connection, int writes) =>
            new ScalekitAuth0Exception("ConnectionConcurrentUpdateLost", ApiErrorKind.Conflict,
                $"Another writer kept overwriting the options of Auth0 connection '{connection.Name}': after {writes} writes this change is still not there.",
                "Find what else changes this connection at the same time (another runbook, a deployment pipeline), then run the command again: it converges.");
    }
}
