using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

public sealed partial class Auth0Emulator
{
    /// <summary>Keys a <c>fields</c> selection never drops (recorded: <c>fields=id</c> still answers is_domain_connection).</summary>
    private static readonly string[] AlwaysConnectionFields = ["id", "is_domain_connection", "authentication", "connected_accounts"];

    /// <summary>The fields Auth0's spec allows in <c>fields</c> for connections.</summary>
    private static readonly HashSet<string> ConnectionFieldNames = new(StringComparer.Ordinal)
    {
        "name", "display_name", "strategy", "options", "id", "provisioning_ticket_url", "metadata", "show_as_button", "clients",
        "authentication", "connected_accounts", "cross_app_access_requesting_app", "cross_app_access_resource_app", "enabled_clients",
    };

    [Api("POST", "/api/v2/connections", Auth0Scopes.CreateConnections)]
    private async Task<IResult> CreateConnectionAsync(Caller caller, HttpContext http)
    {
        var body = await Auth0Http.ReadObjectAsync(http.Request);
        var (name, strategy) = ConnectionRules.ValidateCreate(body);
        var options = await ConnectionRules.NormalizeOptionsAsync(strategy, (JsonObject)body["options"]!);
        var fields = new JsonObject
        {
            ["options"] = options,
            ["is_domain_connection"] = body["is_domain_connection"]?.DeepClone() ?? false,
            ["show_as_button"] = body["show_as_button"]?.DeepClone() ?? false,
            ["authentication"] = body["authentication"]?.DeepClone() ?? new JsonObject { ["active"] = true },
            ["connected_accounts"] = body["connected_accounts"]?.DeepClone() ?? new JsonObject { ["active"] = false },
            ["display_name"] = body["display_name"]?.DeepClone() ?? name,
        };
        foreach (var (key, value) in body.Where(p => !fields.ContainsKey(p.Key) && p.Key is not ("name" or "strategy" or "enabled_clients")))
        {
            fields[key] = value?.DeepClone();
        }
        lock (_gate)
        {
            if (_connections.Values.Any(c => c.Name == name))
            {
                throw Auth0Http.Error(409, "A connection with the same name already exists", "connection_conflict");
            }
            var connection = new StoredConnection { Id = "con_" + RandomId.Alphanumeric(16), Name = name, Strategy = strategy, Fields = fields };
            if (body["enabled_clients"] is JsonArray enabled)
            {
                connection.EnabledClients.AddRange(enabled.Select(c => c!.GetValue<string>()).Distinct());
            }
            _connections[connection.Id] = connection;
            return Auth0Http.Json(connection.Render(withOptions: true), 201);
        }
    }

    [Api("GET", "/api/v2/connections/{id}", Auth0Scopes.ReadConnections)]
    private IResult GetConnection(Caller caller, HttpContext http)
    {
        var select = ConnectionFields(http.Request);
        lock (_gate)
        {
            return Auth0Http.Json(select(FindConnection(RouteId(http)).Render(caller.Has(Auth0Scopes.ReadConnectionsOptions))));
        }
    }

    /// <summary>
    /// GET /api/v2/connections in its three shapes: a bare array; with include_totals
    /// <c>{total,start,limit,connections}</c>; with take (which wins) <c>{connections,next?}</c>.
    /// Listed in id order, the order the recorded tenant lists them in.
    /// </summary>
    [Api("GET", "/api/v2/connections", Auth0Scopes.ReadConnections)]
    private IResult ListConnections(Caller caller, HttpContext http)
    {
        var request = http.Request;
        var select = ConnectionFields(request);
        var take = Auth0Http.QueryInt(request, "take", 1, 100);
        var perPage = Auth0Http.QueryInt(request, "per_page", 1, 100) ?? 100;
        var page = Auth0Http.QueryInt(request, "page", 0, int.MaxValue) ?? 0;
        var includeTotals = Auth0Http.QueryFlag(request, "include_totals");
        var name = Auth0Http.Query(request, "name");
        var strategies = request.Query["strategy"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var withOptions = caller.Has(Auth0Scopes.ReadConnectionsOptions);
        var after = take is not null ? Auth0Http.FromCursor(request) : null;
        lock (_gate)
        {
            var matching = _connections.Values
                .Where(c => name is null || c.Name == name)
                .Where(c => strategies.Count == 0 || strategies.Contains(c.Strategy))
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            JsonArray Render(IEnumerable<StoredConnection> items) =>
                new(items.Select(c => (JsonNode?)select(c.Render(withOptions))).ToArray());

            if (take is int size)
            {
                var (items, next) = Auth0Http.Checkpoint(matching, c => c.Id, after, size);
                var answer = new JsonObject { ["connections"] = Render(items) };
                if (next is not null)
                {
                    answer["next"] = next;
                }
                return Auth0Http.Json(answer);
            }
            var start = page * perPage;
            if (start >= 1000)
            {
                // Since Oct 2025 offset paging stops at the first 1000 records (reference §4); the exact refusal is not recorded.
                throw Auth0Http.InvalidQuery(
                    "Offset pagination cannot go past the first 1000 records. Checkpoint pagination must be used if you need to retrieve more than 1000 connections.");
            }
            var window = Render(matching.Skip(start).Take(Math.Min(perPage, 1000 - start)));
            return includeTotals
                ? Auth0Http.Json(new JsonObject { ["total"] = matching.Count, ["start"] = start, ["limit"] = perPage, ["connections"] = window })
                : Auth0Http.Json(window);
        }
    }

    [Api("PATCH", "/api/v2/connections/{id}", Auth0Scopes.UpdateConnections)]
    private async Task<IResult> UpdateConnectionAsync(Caller caller, HttpContext http)
    {
        var body = await Auth0Http.ReadObjectAsync(http.Request);
        ConnectionRules.ValidateUpdate(body);
        string strategy;
        lock (_gate)
        {
            strategy = FindConnection(RouteId(http)).Strategy;
        }
        JsonObject? options = null;
        if (body["options"] is JsonObject sent)
        {
            caller.Require(Auth0Scopes.UpdateConnectionsOptions);
            options = await ConnectionRules.NormalizeOptionsAsync(strategy, sent);
        }
        lock (_gate)
        {
            var connection = FindConnection(RouteId(http));
            var fields = (JsonObject)connection.Fields.DeepClone();
            foreach (var (key, value) in body.Where(p => p.Key is not ("options" or "enabled_clients")))
            {
                fields[key] = value?.DeepClone();
            }
            if (options is not null)
            {
                // Not a merge: Auth0 replaces options wholesale (reference §2).
                fields["options"] = options;
            }
            if (!body.ContainsKey("display_name"))
            {
                fields["display_name"] = connection.Name;
            }
            connection.Fields = fields;
            if (body["enabled_clients"] is JsonArray enabled)
            {
                connection.EnabledClients.Clear();
                connection.EnabledClients.AddRange(enabled.Select(c => c!.GetValue<string>()).Distinct());
            }
            return Auth0Http.Json(connection.Render(caller.Has(Auth0Scopes.ReadConnectionsOptions)));
        }
    }

    /// <summary>The first DELETE answers 202 with deleted_at; the connection is then gone, so a repeat (or an unknown id) is 204.</summary>
    [Api("DELETE", "/api/v2/connections/{id}", Auth0Scopes.DeleteConnections)]
    private IResult DeleteConnection(Caller caller, HttpContext http)
    {
        lock (_gate)
        {
            return _connections.Remove(RouteId(http))
                ? Auth0Http.Json(new JsonObject { ["deleted_at"] = Auth0Http.Timestamp(DateTimeOffset.UtcNow) }, 202)
                : Results.NoContent();
        }
    }

    [Api("GET", "/api/v2/connections/{id}/clients", Auth0Scopes.ReadConnections)]
    private IResult ListEnabledClients(Caller caller, HttpContext http)
    {
        var take = Auth0Http.QueryInt(http.Request, "take", 1, 1000) ?? 50;
        var after = Auth0Http.FromCursor(http.Request);
        lock (_gate)
        {
            var connection = FindConnection(RouteId(http));
            var positions = connection.EnabledClients.Select((id, index) => (id, index: index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var (page, next) = Auth0Http.Checkpoint(positions, p => p.index, after, take);
            var answer = new JsonObject
            {
                ["clients"] = new JsonArray(page.Select(p => (JsonNode?)new JsonObject { ["client_id"] = p.id }).ToArray()),
            };
            if (next is not null)
            {
                answer["next"] = next;
            }
            return Auth0Http.Json(answer);
        }
    }

    /// <summary>A delta of 1 to 50 <c>{client_id,status}</c> items; checked whole before any of it applies.</summary>
    [Api("PATCH", "/api/v2/connections/{id}/clients", Auth0Scopes.UpdateConnections)]
    private async Task<IResult> UpdateEnabledClientsAsync(Caller caller, HttpContext http)
    {
        if (await Auth0Http.ReadJsonAsync(http.Request) is var body && body is not JsonArray items)
        {
            throw Auth0Http.InvalidBody($"Payload validation error: 'Expected type array but found type {Auth0Http.TypeName(body)}'.");
        }
        if (items.Count is < 1 or > 50)
        {
            throw Auth0Http.InvalidBody(items.Count < 1
                ? "Payload validation error: 'Array is too short (0), minimum 1'."
                : $"Payload validation error: 'Array is too long ({items.Count}), maximum 50'.");
        }
        var changes = new List<(string ClientId, bool Enable)>();
        foreach (var item in items)
        {
            if (item is not JsonObject change)
            {
                throw Auth0Http.InvalidBody($"Payload validation error: 'Expected type object but found type {Auth0Http.TypeName(item)}'.");
            }
            var extra = change.Select(p => p.Key).Where(k => k is not ("client_id" or "status")).ToList();
            if (extra.Count > 0)
            {
                throw Auth0Http.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', extra)}'.");
            }
            if (!change["client_id"].IsString())
            {
                throw Auth0Http.InvalidBody("Payload validation error: 'Missing required property: client_id'.");
            }
            if (change["status"]?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                throw Auth0Http.InvalidBody("Payload validation error: 'Missing required property: status'.");
            }
            changes.Add((change["client_id"]!.GetValue<string>(), change["status"]!.GetValue<bool>()));
        }
        lock (_gate)
        {
            var connection = FindConnection(RouteId(http));
            if (changes.Any(c => !_clients.ContainsKey(c.ClientId)))
            {
                throw Auth0Http.Error(404, "The client does not exist", "inexistent_client");
            }
            foreach (var (clientId, enable) in changes)
            {
                connection.EnabledClients.Remove(clientId);
                if (enable)
                {
                    connection.EnabledClients.Add(clientId);
                }
            }
            return Results.NoContent();
        }
    }

    private Func<JsonObject, JsonObject> ConnectionFields(HttpRequest request)
    {
        var fields = Auth0Http.Query(request, "fields");
        var unknown = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(f => !ConnectionFieldNames.Contains(f));
        if (unknown is not null)
        {
            throw Auth0Http.InvalidQuery($"Query validation error: 'String does not match pattern' on property fields ({unknown}).");
        }
        return Auth0Http.FieldSelection(request, AlwaysConnectionFields);
    }

    /// <summary>Call with the lock held.</summary>
    private StoredConnection FindConnection(string id) =>
        _connections.TryGetValue(id, out var connection)
            ? connection
            : throw Auth0Http.Error(404, "The connection does not exist", "inexistent_connection");
}
