using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// <c>GET /api/v1/connections</c>: organizations' SSO connections, items shaped as the Postman capture;
/// only active ones (completed and enabled) unless <c>include=all</c>. In real life the customer's IT
/// admin makes a connection in the Admin Portal; here a control route does.
/// </summary>
internal sealed class SsoConnectionEndpoints(ScalekitState state) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/connections", (HttpRequest request) => state.Locked(() =>
    {
        var organizationId = request.Query["organization_id"].ToString();
        var domain = request.Query["domain"].ToString();
        var all = request.Query["include"].ToString() == "all";
        var connections = state.SsoConnections.Values
            .Where(c => organizationId.Length == 0 || c.OrganizationId == organizationId)
            .Where(c => domain.Length == 0 || c.OrganizationId == state.OwnerOfDomain(domain)?.Id)
            .Where(c => all || c.Active);
        return JsonBody.Answer(new JsonObject { ["connections"] = JsonBody.Array(connections, Serialize) });
    }));

    public void MapControl(IEndpointRouteBuilder control) => control.MapPost("/scalekit/sso-connections", (ControlSsoConnection request) => state.Locked(() =>
    {
        var organization = request.OrganizationId is { } id ? state.Organizations.GetValueOrDefault(id)
            : state.Organizations.Values.FirstOrDefault(o => o.ExternalId == request.ExternalId);
        if (organization is null)
        {
            return ScalekitWire.NotFound("organization not found").Answer;
        }
        if (request.IfMissing == true && state.SsoConnections.Values.FirstOrDefault(c => c.OrganizationId == organization.Id && c.Active) is { } existing)
        {
            return JsonBody.Answer(Serialize(existing));
        }
        var provider = request.Provider ?? "OKTA";
        var type = request.Type ?? "OIDC";
        var slug = new string((organization.ExternalId ?? organization.Id).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var connection = new SsoConnection
        {
            Id = state.NewId("conn_"),
            OrganizationId = organization.Id,
            Provider = provider,
            Type = type,
            Status = request.Status ?? "COMPLETED",
            Enabled = request.Enabled ?? true,
            IdentityProviderUrl = request.IdentityProviderUrl
                ?? $"https://{slug}.{provider.ToLowerInvariant().Replace('_', '-')}.example" + (type == "SAML" ? "/app/sso/saml" : "/oauth2/v1/authorize"),
        };
        state.SsoConnections[connection.Id] = connection;
        return JsonBody.Answer(Serialize(connection));
    }));

    /// <summary>The captured list item's keys, in its order.</summary>
    private static JsonObject Serialize(SsoConnection connection) => new()
    {
        ["id"] = connection.Id,
        ["provider"] = connection.Provider,
        ["type"] = connection.Type,
        ["status"] = connection.Status,
        ["enabled"] = connection.Enabled,
        ["organization_id"] = connection.OrganizationId,
        ["ui_button_title"] = "",
    };

    public sealed record ControlSsoConnection(string? OrganizationId, string? ExternalId, string? Provider, string? Type, string? Status, bool? Enabled,
        string? IdentityProviderUrl, bool? IfMissing);
}
