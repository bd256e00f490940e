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
        /// The domains <paramref name="target"/> may start routing, and, when any other connection
        /// routes some of them already, one error that names each of those with the connection routing
        /// it. A domain the target routes already is never refused.
        /// </summary>
        public (List<string> Routable, ScalekitAuth0Exception? Refusal) Split(IEnumerable<string> domains, Auth0Connection target)
        {
            var routable = new List<string>();
            var elsewhere = new List<(string Domain, Auth0Connection Other)>();
            foreach (var domain in domains)
            {
                var routing = _byDomain[DomainName.Comparable(domain)].ToList();
                if (routing.Count == 0 || routing.Any(c => c.Id == target.Id))
                {
                    routable.Add(domain);
                }
                else
                {
                    elsewhere.Add((domain, routing[0]));
                }
            }
            return (routable, elsewhere.Count == 0 ? null : RoutedElsewhere(elsewhere));
        }

        private static ScalekitAuth0Exception RoutedElsewhere(IReadOnlyList<(string Domain, Auth0Connection Other)> elsewhere)
        {
            var byConnection = elsewhere.GroupBy(e => e.Other.Id).Select(g => (Connection: g.First().Other, Domains: g.Select(e => e.Domain).ToList())).ToList();
            var where = string.Join("; ", byConnection.Select(c => $"Auth0 connection '{c.Connection.Name}' ({c.Connection.Id}, {c.Connection.Strategy}) routes {string.Join(", ", c.Domains.Select(d => $"'{d}'"))}"));
            var remove = string.Join("; ", byConnection.Select(c => $"Remove-HrdDomain -ConnectionName '{c.Connection.Name}' -Domain {string.Join(", ", c.Domains.Select(d => $"'{d}'"))}"));
            return new ScalekitAuth0Exception("HrdDomainRoutedElsewhere", ApiErrorKind.Conflict,
                $"{elsewhere.Count} domain(s) already send users to another connection, and a domain can send users to one connection only: {where}. They were left out.",
                $"Leave them there, or remove them from that connection first: {remove}.");
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
