using System.Globalization;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// <c>/api/v2/clients</c>: the tenant's applications (and the M2M callers the token endpoint knows),
/// and the connections enabled for one of them. Secrets only for callers with read:client_keys, as Auth0 does.
/// </summary>
internal sealed class ClientEndpoints(Auth0State state) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/clients", List).RequireScope(Auth0Scopes.ReadClients);
        routes.MapGet("/clients/{id}", Get).RequireScope(Auth0Scopes.ReadClients);
        routes.MapPost("/clients", CreateAsync).RequireScope(Auth0Scopes.CreateClients);
        routes.MapDelete("/clients/{id}", Delete).RequireScope(Auth0Scopes.DeleteClients);
        routes.MapGet("/clients/{id}/connections", ListEnabledConnections).RequireScope(Auth0Scopes.ReadConnections);
    }

    /// <summary>A bare array, <c>{total,start,limit,clients}</c> with include_totals, or <c>{clients,next?}</c> with take.</summary>
    private IResult List(HttpRequest request)
    {
        var select = Auth0Wire.FieldSelection(request, ["client_id"]);
        var take = Auth0Wire.QueryInt(request, "take", 1, 100);
        var perPage = Auth0Wire.QueryInt(request, "per_page", 1, 100) ?? 50;
        var page = Auth0Wire.QueryInt(request, "page", 0, int.MaxValue) ?? 0;
        var includeTotals = Auth0Wire.QueryFlag(request, "include_totals");
        var after = take is not null ? Auth0Wire.FromCursor(request) : null;
        var withSecrets = Caller.Of(request).Has(Auth0Scopes.ReadClientKeys);
        return state.Locked(() =>
        {
            var all = state.Clients.Values.OrderBy(c => c.Seq).ToList();
            JsonArray Render(IEnumerable<StoredClient> items) => JsonBody.Array(items, c => select(c.Render(withSecrets)));
            if (take is int size)
            {
                var (items, next) = Auth0Wire.Checkpoint(all, c => c.Seq.ToString("D19", CultureInfo.InvariantCulture), after, size);
                return Auth0Wire.CheckpointAnswer("clients", Render(items), next);
            }
            var window = Render(Paging.Offset(all, page, perPage));
            return includeTotals
                ? JsonBody.Answer(new JsonObject { ["total"] = all.Count, ["start"] = page * perPage, ["limit"] = perPage, ["clients"] = window })
                : JsonBody.Answer(window);
        });
    }

    private IResult Get(string id, HttpRequest request)
    {
        var select = Auth0Wire.FieldSelection(request, ["client_id"]);
        var withSecrets = Caller.Of(request).Has(Auth0Scopes.ReadClientKeys);
        return state.Locked(() => JsonBody.Answer(select(state.FindClient(id).Render(withSecrets))));
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var body = await Auth0Wire.ReadObjectAsync(request);
        if (!body["name"].IsString())
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: name'.");
        }
        return JsonBody.Answer(state.StoreClient(StoredClient.Defaults(body), scopes: null).Render(withSecrets: true), 201);
    }

    private IResult Delete(string id) => state.Locked(() =>
    {
        var client = state.FindClient(id);
        state.Clients.Remove(client.ClientId);
        foreach (var connection in state.Connections.Values)
        {
            connection.EnabledClients.Remove(client.ClientId);
        }
        return Results.NoContent();
    });

    /// <summary>The connections enabled for one client, <c>{connections,next?}</c>; recorded elements carry no enabled_clients.</summary>
    private IResult ListEnabledConnections(string id, HttpRequest request)
    {
        var take = Auth0Wire.QueryInt(request, "take", 1, 100) ?? 50;
        var after = Auth0Wire.FromCursor(request);
        var withOptions = Caller.Of(request).Has(Auth0Scopes.ReadConnectionsOptions);
        return state.Locked(() =>
        {
            var client = state.FindClient(id);
            var enabled = state.Connections.Values
                .Where(c => c.EnabledClients.Contains(client.ClientId))
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            var (page, next) = Auth0Wire.Checkpoint(enabled, c => c.Id, after, take);
            return Auth0Wire.CheckpointAnswer("connections", JsonBody.Array(page, c => c.Render(withOptions, withEnabledClients: false)), next);
        });
    }
}
