using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Auth0;

public sealed partial class Auth0Emulator
{
    /// <summary>The defaults Auth0 answers a bare <c>{"name"}</c> create with (recorded), around what was sent.</summary>
    private static JsonObject ClientDefaults(JsonObject sent)
    {
        var jwt = new JsonObject { ["secret_encoded"] = false };
        foreach (var (key, value) in sent["jwt_configuration"] as JsonObject ?? new JsonObject { ["lifetime_in_seconds"] = 36000 })
        {
            jwt[key] = value?.DeepClone();
        }
        var fields = new JsonObject
        {
            ["name"] = sent["name"]?.DeepClone(),
            ["is_first_party"] = true,
            ["is_token_endpoint_ip_header_trusted"] = false,
            ["oidc_conformant"] = false,
            ["jwt_configuration"] = jwt,
            ["signing_keys"] = new JsonArray(new JsonObject { ["cert"] = "-----BEGIN CERTIFICATE-----\nsandbox\n-----END CERTIFICATE-----" }),
            ["sso_disabled"] = false,
            ["cross_origin_authentication"] = false,
            ["grant_types"] = new JsonArray("authorization_code", "implicit", "refresh_token", "client_credentials"),
            ["custom_login_page_on"] = true,
            ["refresh_token"] = new JsonObject
            {
                ["rotation_type"] = "non-rotating",
                ["expiration_type"] = "non-expiring",
                ["leeway"] = 0,
                ["token_lifetime"] = 2592000,
                ["infinite_token_lifetime"] = true,
                ["infinite_idle_token_lifetime"] = true,
                ["idle_token_lifetime"] = 1296000,
            },
        };
        foreach (var (key, value) in sent)
        {
            if (key != "jwt_configuration")
            {
                fields[key] = value?.DeepClone();
            }
        }
        return fields;
    }

    /// <summary>
    /// GET /api/v2/clients: a bare array, <c>{total,start,limit,clients}</c> with include_totals, or
    /// <c>{clients,next?}</c> with take. Secrets only for callers with read:client_keys, as Auth0 does.
    /// </summary>
    [Api("GET", "/api/v2/clients", Auth0Scopes.ReadClients)]
    private IResult ListClients(Caller caller, HttpContext http)
    {
        var request = http.Request;
        var select = Auth0Http.FieldSelection(request, ["client_id"]);
        var take = Auth0Http.QueryInt(request, "take", 1, 100);
        var perPage = Auth0Http.QueryInt(request, "per_page", 1, 100) ?? 50;
        var page = Auth0Http.QueryInt(request, "page", 0, int.MaxValue) ?? 0;
        var includeTotals = Auth0Http.QueryFlag(request, "include_totals");
        var after = take is not null ? Auth0Http.FromCursor(request) : null;
        var withSecrets = caller.Has(Auth0Scopes.ReadClientKeys);
        lock (_gate)
        {
            var all = _clients.Values.OrderBy(c => c.Seq).ToList();
            JsonArray Render(IEnumerable<StoredClient> items) => new(items.Select(c => (JsonNode?)select(c.Render(withSecrets))).ToArray());
            if (take is int size)
            {
                var (items, next) = Auth0Http.Checkpoint(all, c => c.Seq.ToString("D19", System.Globalization.CultureInfo.InvariantCulture), after, size);
                var answer = new JsonObject { ["clients"] = Render(items) };
                if (next is not null)
                {
                    answer["next"] = next;
                }
                return Auth0Http.Json(answer);
            }
            var window = Render(all.Skip(page * perPage).Take(perPage));
            return includeTotals
                ? Auth0Http.Json(new JsonObject { ["total"] = all.Count, ["start"] = page * perPage, ["limit"] = perPage, ["clients"] = window })
                : Auth0Http.Json(window);
        }
    }

    [Api("GET", "/api/v2/clients/{id}", Auth0Scopes.ReadClients)]
    private IResult GetClient(Caller caller, HttpContext http)
    {
        var select = Auth0Http.FieldSelection(http.Request, ["client_id"]);
        lock (_gate)
        {
            return Auth0Http.Json(select(FindClient(RouteId(http)).Render(caller.Has(Auth0Scopes.ReadClientKeys))));
        }
    }

    [Api("POST", "/api/v2/clients", Auth0Scopes.CreateClients)]
    private async Task<IResult> CreateClientAsync(Caller caller, HttpContext http)
    {
        var body = await Auth0Http.ReadObjectAsync(http.Request);
        if (!body["name"].IsString())
        {
            throw Auth0Http.InvalidBody("Payload validation error: 'Missing required property: name'.");
        }
        return Auth0Http.Json(StoreClient(ClientDefaults(body), scopes: null).Render(withSecrets: true), 201);
    }

    [Api("DELETE", "/api/v2/clients/{id}", Auth0Scopes.DeleteClients)]
    private IResult DeleteClient(Caller caller, HttpContext http)
    {
        lock (_gate)
        {
            var client = FindClient(RouteId(http));
            _clients.Remove(client.ClientId);
            foreach (var connection in _connections.Values)
            {
                connection.EnabledClients.Remove(client.ClientId);
            }
            return Results.NoContent();
        }
    }

    /// <summary>The connections enabled for one client, <c>{connections,next?}</c>; recorded elements carry no enabled_clients.</summary>
    [Api("GET", "/api/v2/clients/{id}/connections", Auth0Scopes.ReadConnections)]
    private IResult ListClientConnections(Caller caller, HttpContext http)
    {
        var take = Auth0Http.QueryInt(http.Request, "take", 1, 100) ?? 50;
        var after = Auth0Http.FromCursor(http.Request);
        var withOptions = caller.Has(Auth0Scopes.ReadConnectionsOptions);
        lock (_gate)
        {
            var client = FindClient(RouteId(http));
            var enabled = _connections.Values.Where(c => c.EnabledClients.Contains(client.ClientId)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
            var (page, next) = Auth0Http.Checkpoint(enabled, c => c.Id, after, take);
            var answer = new JsonObject
            {
                ["connections"] = new JsonArray(page.Select(c => (JsonNode?)c.Render(withOptions, withEnabledClients: false)).ToArray()),
            };
            if (next is not null)
            {
                answer["next"] = next;
            }
            return Auth0Http.Json(answer);
        }
    }

    /// <summary>Call with the lock held.</summary>
    private StoredClient FindClient(string id) =>
        _clients.TryGetValue(id, out var client) ? client : throw Auth0Http.Error(404, "The client does not exist", "inexistent_client");
}
