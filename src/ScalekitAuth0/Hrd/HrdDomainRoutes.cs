using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Hrd
{
    /// <summary>
    /// Every connection of a tenant and the email domains each routes, from one listing: which
    /// connection a command means, and which domains another connection already routes (a domain
    /// can send a user to one connection only; Auth0 itself does not check).
    /// </summary>
    internal sealed class HrdDomainRoutes
    {
        private readonly List<Auth0Connection> _connections;
        private Dictionary<string, Auth0Connection> _byName;
        private ILookup<string, Auth0Connection> _byDomain;

        private HrdDomainRoutes(List<Auth0Connection> connections)
        {
            _connections = connections;
            (_byName, _byDomain) = Index(connections);
        }

        /// <summary>Every connection of the tenant, as listed or as this command last changed it.</summary>
        public IReadOnlyList<Auth0Connection> Connections => _connections;

        /// <summary>Lists all connections, with options, once.</summary>
        public static async Task<HrdDomainRoutes> ReadAsync(Auth0Client client, Operation operation)
        {
            var connections = new List<Auth0Connection>();
            await client.ListConnectionsAsync(Array.Empty<string>(), connections.AddRange, operation).ConfigureAwait(false);
            return new HrdDomainRoutes(connections);
        }

        /// <summary>The connection of that name; one created since the listing is looked up, one that does not exist is an error.</summary>
        public async Task<Auth0Connection> RequireAsync(Auth0Client client, string name, Operation operation) =>
            _byName.TryGetValue(name, out var connection)
                ? connection
                : await client.RequireConnectionAsync(null, name, operation).ConfigureAwait(false);

        /// <summary>
        /// Takes in a connection as it is after this command changed it, so that the command's next
        /// connection is checked against what the tenant routes now, not what it routed at the listing.
        /// </summary>
        public void Record(Auth0Connection changed)
        {
            _connections.RemoveAll(c => c.Id == changed.Id);
            _connections.Add(changed);
            (_byName, _byDomain) = Index(_connections);
        }

        /// <summary>
        /// Null when <paramref name="target"/> may start routing the domain; otherwise the error that
        /// names the connection already routing it. A domain the target routes already is never refused.
        /// </summary>
        public ScalekitAuth0Exception? Refusal(string domain, Auth0Connection target)
        {
            var routing = _byDomain[DomainName.Comparable(domain)].ToList();
            if (routing.Count == 0 || routing.Any(c => c.Id == target.Id))
            {
                return null;
            }
            var other = routing[0];
            return new ScalekitAuth0Exception("HrdDomainRoutedElsewhere", ApiErrorKind.Conflict,
                $"'{domain}' is already a Home Realm Discovery domain of Auth0 connection '{other.Name}' ({other.Id}, {other.Strategy}); a domain can send users to one connection only.",
                $"Leave it there, or remove it from that connection first: Remove-HrdDomain -ConnectionName '{other.Name}' -Domain '{domain}'.");
        }

        private static (Dictionary<string, Auth0Connection>, ILookup<string, Auth0Connection>) Index(IReadOnlyList<Auth0Connection> connections) =>
        (
            connections.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            connections
                .SelectMany(c => c.DomainAliases.Select(alias => (Key: DomainName.Comparable(alias), Connection: c)))
                .ToLookup(route => route.Key, route => route.Connection, StringComparer.Ordinal)
        );
    }
}
