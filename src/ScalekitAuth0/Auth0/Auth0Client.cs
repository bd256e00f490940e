using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>The few Auth0 Management API v2 endpoints this module uses, typed. Knows HTTP only through the transport.</summary>
    internal sealed partial class Auth0Client : IConnectionStore
    {
        /// <summary>Every scope some cmdlet of this module needs; Connect-Auth0 warns about each one a token lacks.</summary>
        public static readonly IReadOnlyList<string> RequiredScopes = new[]
        {
            "read:connections", "create:connections", "update:connections", "delete:connections",
            "read:connections_options", "update:connections_options", "read:clients", "read:custom_domains",
            PromptsReadScope, "update:prompts",
        };

        private const int PageSize = 100;

        public Auth0Client(ApiTransport transport)
        {
            Transport = transport;
        }

        public ApiTransport Transport { get; }

        public string Tenant => Transport.BaseUri.Authority;

        /// <summary>
        /// The cheapest read there is (one connection id), to learn whether the tenant accepts a token
        /// it did not issue to us. A 401 is thrown; a 403 for a missing scope means the token is good.
        /// </summary>
        public async Task ProbeTokenAsync(Operation operation)
        {
            try
            {
                await Transport.SendAsync(ApiRequest.Get("api/v2/connections?per_page=1&fields=id"), operation).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.IsInsufficientScope)
            {
            }
        }

        public async Task<Auth0Connection?> FindConnectionByNameAsync(string name, Operation operation)
        {
            var answer = await Transport.SendAsync(ApiRequest.Get("api/v2/connections?name=" + Uri.EscapeDataString(name)), operation).ConfigureAwait(false);
            return Paging.Items(answer, "connections").OfType<JObject>()
                .Where(c => string.Equals((string?)c["name"], name, StringComparison.Ordinal))
                .Select(c => new Auth0Connection(c))
                .FirstOrDefault();
        }

        /// <summary>By id when given, else by name; a connection that is not there is an error naming what was looked for.</summary>
        public async Task<Auth0Connection> RequireConnectionAsync(string? id, string? name, Operation operation)
        {
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(name))
            {
                throw ScalekitAuth0Exception.InvalidArgument("ConnectionNotSpecified", "No connection was given.", "Pass -Name or -Id, or pipe a connection from Get-ScalekitConnection.");
            }
            if (!string.IsNullOrEmpty(id))
            {
                return await GetConnectionAsync(id!, operation).ConfigureAwait(false);
            }
            return await FindConnectionByNameAsync(name ?? "", operation).ConfigureAwait(false)
                ?? throw new ScalekitAuth0Exception("ScalekitConnectionNotFound", ApiErrorKind.NotFound,
                    $"There is no Auth0 connection named '{name}'.",
                    "Check the name with Get-ScalekitConnection, or create it with New-ScalekitConnection.");
        }

        public async Task<Auth0Connection> GetConnectionAsync(string id, Operation operation) =>
            ToConnection(await Transport.SendAsync(ApiRequest.Get("api/v2/connections/" + Uri.EscapeDataString(id)), operation).ConfigureAwait(false));

        /// <summary>Every connection of the given strategies (all when none), page by page.</summary>
        public Task ListConnectionsAsync(IEnumerable<string> strategies, Action<IReadOnlyList<Auth0Connection>> onPage, Operation operation)
        {
            var filter = string.Join("&", strategies.Select(s => "strategy=" + Uri.EscapeDataString(s)));
            var path = "api/v2/connections" + (filter.Length == 0 ? "" : "?" + filter);
            return Paging.CheckpointAsync(Transport, path, "connections", PageSize,
                page => onPage(page.OfType<JObject>().Select(c => Listed(new Auth0Connection(c), operation)).ToList()), operation);
        }

        /// <summary>Every listing says which connection is malformed, once, so a user can fix the one that commands read around.</summary>
        private static Auth0Connection Listed(Auth0Connection connection, Operation operation)
        {
            if (connection.Malformation is string why)
            {
                operation.Log.Warning($"Auth0 connection '{connection.Name}' ({connection.Id}) is malformed: {why}. What is malformed is skipped (read as absent); fix the connection in Auth0.");
            }
            return connection;
        }

        public async Task<Auth0Connection> CreateConnectionAsync(JObject body, Operation operation) =>
            ToConnection(await Transport.SendAsync(ApiRequest.Post("api/v2/connections", body), operation).ConfigureAwait(false));

        /// <summary>
        /// The body carries the entire <c>options</c> (Auth0 replaces them wholesale) merged onto a
        /// read, so it is never re-sent as it was: a retry reads and merges again (<see cref="ConnectionEditor"/>).
        /// </summary>
        public async Task<Auth0Connection> UpdateConnectionAsync(string id, JObject body, Operation operation) =>
            ToConnection(await Transport.SendAsync(ApiRequest.PatchFromRead("api/v2/connections/" + Uri.EscapeDataString(id), body), operation).ConfigureAwait(false));

        public Task DeleteConnectionAsync(string id, Operation operation) =>
            Transport.SendAsync(ApiRequest.Delete("api/v2/connections/" + Uri.EscapeDataString(id)), operation);

        private Auth0Connection ToConnection(JToken? answer) =>
            answer is JObject json
                ? new Auth0Connection(json)
                : throw new ApiException(Transport.Service, "GET", "/api/v2/connections", 200, ApiErrorKind.InvalidResponse, null, "the answer was not a connection object", outcomeUnknown: false);
    }
}
