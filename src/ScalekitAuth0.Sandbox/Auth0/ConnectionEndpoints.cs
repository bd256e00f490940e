using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Auth0.Rules;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// <c>/api/v2/connections</c>: create, read, list, update and delete enterprise connections. What a
/// body may hold and what Auth0 fills in are the <see cref="Rules"/>; options are shown only to
/// callers with read:connections_options.
/// </summary>
internal sealed class ConnectionEndpoints(Auth0State state) : IEndpoints
{
    /// <summary>Keys a <c>fields</c> selection never drops (recorded: <c>fields=id</c> still answers is_domain_connection).</summary>
    private static readonly string[] AlwaysFields = ["id", "is_domain_connection", "authentication", "connected_accounts"];

    /// <summary>The fields Auth0's spec allows in <c>fields</c> for connections.</summary>
    private static readonly HashSet<string> FieldNames = new(StringComparer.Ordinal)
    {
        "name", "display_name", "strategy", "options", "id", "provisioning_ticket_url", "metadata", "show_as_button", "clients",
        "authentication", "connected_accounts", "cross_app_access_requesting_app", "cross_app_access_resource_app", "enabled_clients",
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connections", CreateAsync).RequireScope(Auth0Scopes.CreateConnections);
        routes.MapGet("/connections/{id}", Get).RequireScope(Auth0Scopes.ReadConnections);
        routes.MapGet("/connections", List).RequireScope(Auth0Scopes.ReadConnections);
        routes.MapPatch("/connections/{id}", UpdateAsync).RequireScope(Auth0Scopes.UpdateConnections);
        routes.MapDelete("/connections/{id}", Delete).RequireScope(Auth0Scopes.DeleteConnections);
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var body = await Auth0Wire.ReadObjectAsync(request);
        var (name, strategy) = ConnectionValidation.ValidateCreate(body);
        var options = await ConnectionOptions.NormalizeAsync(strategy, (JsonObject)body["options"]!);
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
        return state.Locked(() =>
        {
            if (state.Connections.Values.Any(c => c.Name == name))
            {
                throw Auth0Wire.Error(409, "A connection with the same name already exists", "connection_conflict");
            }
            var connection = new StoredConnection { Id = "con_" + RandomId.Alphanumeric(16), Name = name, Strategy = strategy, Fields = fields };
            if (body["enabled_clients"] is JsonArray enabled)
            {
                connection.EnabledClients.AddRange(enabled.Select(c => c!.GetValue<string>()).Distinct());
            }
            state.Connections[connection.Id] = connection;
            return JsonBody.Answer(connection.Render(withOptions: true), 201);
        });
    }

    private IResult Get(string id, HttpRequest request)
    {
        var select = Fields(request);
        var withOptions = Caller.Of(request).Has(Auth0Scopes.ReadConnectionsOptions);
        return state.Locked(() => JsonBody.Answer(select(state.FindConnection(id).Render(withOptions))));
    }

    /// <summary>
    /// The three shapes: a bare array; with include_totals <c>{total,start,limit,connections}</c>;
    /// with take (which wins) <c>{connections,next?}</c>. Listed in id order, the order the recorded tenant lists them in.
    /// </summary>
    private IResult List(HttpRequest request)
    {
        var select = Fields(request);
        var take = Auth0Wire.QueryInt(request, "take", 1, 100);
        var perPage = Auth0Wire.QueryInt(request, "per_page", 1, 100) ?? 100;
        var page = Auth0Wire.QueryInt(request, "page", 0, int.MaxValue) ?? 0;
        var includeTotals = Auth0Wire.QueryFlag(request, "include_totals");
        var name = Auth0Wire.Query(request, "name");
        var strategies = request.Query["strategy"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var withOptions = Caller.Of(request).Has(Auth0Scopes.ReadConnectionsOptions);
        var after = take is not null ? Auth0Wire.FromCursor(request) : null;
        return state.Locked(() =>
        {
            var matching = state.Connections.Values
                .Where(c => name is null || c.Name == name)
                .Where(c => strategies.Count == 0 || strategies.Contains(c.Strategy))
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            JsonArray Render(IEnumerable<StoredConnection> items) => JsonBody.Array(items, c => select(c.Render(withOptions)));

            if (take is int size)
            {
                var (items, next) = Auth0Wire.Checkpoint(matching, c => c.Id, after, size);
                return Auth0Wire.CheckpointAnswer("connections", Render(items), next);
            }
            var start = page * perPage;
            if (start >= 1000)
            {
                // Since Oct 2025 offset paging stops at the first 1000 records (reference §4); the exact refusal is not recorded.
                throw Auth0Wire.InvalidQuery(
                    "Offset pagination cannot go past the first 1000 records. Checkpoint pagination must be used if you need to retrieve more than 1000 connections.");
            }
            var window = Render(matching.Skip(start).Take(Math.Min(perPage, 1000 - start)));
            return includeTotals
                ? JsonBody.Answer(new JsonObject { ["total"] = matching.Count, ["start"] = start, ["limit"] = perPage, ["connections"] = window })
                : JsonBody.Answer(window);
        });
    }

    private async Task<IResult> UpdateAsync(string id, HttpRequest request)
    {
        var caller = Caller.Of(request);
        var body = await Auth0Wire.ReadObjectAsync(request);
        ConnectionValidation.ValidateUpdate(body);
        var strategy = state.Locked(() => state.FindConnection(id).Strategy);
        JsonObject? options = null;
        if (body["options"] is JsonObject sent)
        {
            caller.Require(Auth0Scopes.UpdateConnectionsOptions);
            options = await ConnectionOptions.NormalizeAsync(strategy, sent);
        }
        return state.Locked(() =>
        {
            var connection = state.FindConnection(id);
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
            return JsonBody.Answer(connection.Render(caller.Has(Auth0Scopes.ReadConnectionsOptions)));
        });
    }

    /// <summary>The first DELETE answers 202 with deleted_at; the connection is then gone, so a repeat (or an unknown id) is 204.</summary>
    private IResult Delete(string id) => state.Locked(() =>
        state.Connections.Remove(id)
            ? JsonBody.Answer(new JsonObject { ["deleted_at"] = Auth0Wire.Timestamp(DateTimeOffset.UtcNow) }, 202)
            : Results.NoContent());

    private static Func<JsonObject, JsonObject> Fields(HttpRequest request)
    {
        var fields = Auth0Wire.Query(request, "fields");
        var unknown = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(f => !FieldNames.Contains(f));
        if (unknown is not null)
        {
            throw Auth0Wire.InvalidQuery($"Query validation error: 'String does not match pattern' on property fields ({unknown}).");
        }
        return Auth0Wire.FieldSelection(request, AlwaysFields);
    }
}
