using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary><c>/api/v2/connections/{id}/clients</c>: the clients a connection is enabled for, read by checkpoint and changed by delta.</summary>
internal sealed class EnabledClientEndpoints(Auth0State state) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/connections/{id}/clients", List).RequireScope(Auth0Scopes.ReadConnections);
        routes.MapPatch("/connections/{id}/clients", UpdateAsync).RequireScope(Auth0Scopes.UpdateConnections);
    }

    private IResult List(string id, HttpRequest request)
    {
        var take = Auth0Wire.QueryInt(request, "take", 1, 1000) ?? 50;
        var after = Auth0Wire.FromCursor(request);
        return state.Locked(() =>
        {
            var connection = state.FindConnection(id);
            var positions = connection.EnabledClients.Select((clientId, index) => (clientId, index: index.ToString("D10", CultureInfo.InvariantCulture))).ToList();
            var (page, next) = Auth0Wire.Checkpoint(positions, p => p.index, after, take);
            return Auth0Wire.CheckpointAnswer("clients", JsonBody.Array(page, p => new JsonObject { ["client_id"] = p.clientId }), next);
        });
    }

    /// <summary>A delta of 1 to 50 <c>{client_id,status}</c> items; checked whole before any of it applies.</summary>
    private async Task<IResult> UpdateAsync(string id, HttpRequest request)
    {
        if (await Auth0Wire.ReadJsonAsync(request) is var body && body is not JsonArray items)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Expected type array but found type {Auth0Wire.TypeName(body)}'.");
        }
        if (items.Count is < 1 or > 50)
        {
            throw Auth0Wire.InvalidBody(items.Count < 1
                ? "Payload validation error: 'Array is too short (0), minimum 1'."
                : $"Payload validation error: 'Array is too long ({items.Count}), maximum 50'.");
        }
        var changes = items.Select(Change).ToList();
        return state.Locked(() =>
        {
            var connection = state.FindConnection(id);
            if (changes.Any(c => !state.Clients.ContainsKey(c.ClientId)))
            {
                throw Auth0Wire.Error(404, "The client does not exist", "inexistent_client");
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
        });
    }

    private static (string ClientId, bool Enable) Change(JsonNode? item)
    {
        if (item is not JsonObject change)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Expected type object but found type {Auth0Wire.TypeName(item)}'.");
        }
        var extra = change.Select(p => p.Key).Where(k => k is not ("client_id" or "status")).ToList();
        if (extra.Count > 0)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', extra)}'.");
        }
        if (!change["client_id"].IsString())
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: client_id'.");
        }
        if (change["status"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: status'.");
        }
        return (change["client_id"]!.GetValue<string>(), change["status"]!.GetValue<bool>());
    }
}
