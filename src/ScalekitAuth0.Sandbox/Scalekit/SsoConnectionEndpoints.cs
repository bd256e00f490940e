using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// Organizations' SSO connections and what a login meets at Scalekit: <c>GET /api/v1/connections</c>
/// (shaped as the Postman capture), and <c>GET /oauth/authorize</c>, which checks the client and its
/// redirect URI, finds the organization from the selector (here usually <c>login_hint</c>'s domain)
/// and sends the browser to that organization's active connection: an OIDC identity provider by a
/// redirect (through one hop on Scalekit's own host), a SAML one by a self-posting form, as captured.
/// In real life the customer's IT admin makes the connection in the Admin Portal; here a control
/// route does.
/// </summary>
internal sealed class SsoConnectionEndpoints(ScalekitState state, SandboxContext sandbox)
{
    private const string OrganizationDomain = "ORGANIZATION_DOMAIN";

    public void Map(IEndpointRouteBuilder api) => api.MapGet("/connections", (HttpRequest request) => state.Locked(() =>
    {
        var organizationId = request.Query["organization_id"].ToString();
        var domain = request.Query["domain"].ToString();
        var all = request.Query["include"].ToString() == "all";
        var connections = state.SsoConnections.Values
            .Where(c => organizationId.Length == 0 || c.OrganizationId == organizationId)
            .Where(c => domain.Length == 0 || c.OrganizationId == OwnerOf(domain)?.Id)
            .Where(c => all || c.Active);
        return ScalekitWire.Json(new JsonObject { ["connections"] = new JsonArray(connections.Select(c => (JsonNode?)Serialize(c)).ToArray()) });
    }));

    public void MapLogin(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth/authorize", Authorize);
        routes.MapGet("/sso/v1/oidc/{id}/initiate", (string id, HttpRequest request) => state.Locked(() =>
            state.SsoConnections.TryGetValue(id, out var connection)
                ? Results.Redirect(QueryHelpers.AddQueryString(connection.IdentityProviderUrl, new Dictionary<string, string?>
                {
                    ["client_id"] = "idp_client_" + connection.Id,
                    ["response_type"] = "code",
                    ["redirect_uri"] = $"{sandbox.ScalekitUrl}/sso/v1/oidc/{connection.Id}/callback",
                    ["scope"] = "openid email profile",
                    ["state"] = request.Query["state"].ToString(),
                    ["login_hint"] = request.Query["login_hint"].ToString(),
                }))
                : ErrorPage(404, "invalid_request", "no such connection")));
    }

    public void MapControl(IEndpointRouteBuilder control) => control.MapPost("/scalekit/sso-connections", (ControlSsoConnection request) => state.Locked(() =>
    {
        var organization = request.OrganizationId is { } id ? state.Organizations.GetValueOrDefault(id)
            : state.Organizations.Values.FirstOrDefault(o => o.ExternalId == request.ExternalId);
        if (organization is null)
        {
            return ScalekitApiException.NotFound("organization not found").ToResult();
        }
        if (request.IfMissing == true && state.SsoConnections.Values.FirstOrDefault(c => c.OrganizationId == organization.Id && c.Active) is { } existing)
        {
            return ScalekitWire.Json(Serialize(existing));
        }
        var provider = request.Provider ?? "OKTA";
        var slug = new string((organization.ExternalId ?? organization.Id).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var type = request.Type ?? "OIDC";
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
        return ScalekitWire.Json(Serialize(connection));
    }));

    private IResult Authorize(HttpRequest request) => state.Locked(() =>
    {
        string Parameter(string name) => request.Query[name].ToString();
        if (Parameter("client_id") != state.Client.Id)
        {
            return ErrorPage(400, "invalid_client", "The client_id is not a client of this environment.");
        }
        var redirectUri = Parameter("redirect_uri");
        if (!state.Client.LoginUris.Contains(redirectUri))
        {
            return ErrorPage(400, "invalid_redirect_uri", $"Redirect URI {redirectUri} is not an allowed redirect URI of the client.");
        }
        IResult Back(string error, string description) => Results.Redirect(QueryHelpers.AddQueryString(redirectUri,
            new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description, ["state"] = Parameter("state") }));
        if (Parameter("response_type") != "code")
        {
            return Back("unsupported_response_type", "response_type must be code");
        }
        var hint = Parameter("login_hint");
        var domain = Parameter("domain") is { Length: > 0 } given ? given : hint.Contains('@') ? hint[(hint.LastIndexOf('@') + 1)..].ToLowerInvariant() : "";
        var organization = Parameter("organization_id") is { Length: > 0 } id
            ? state.Organizations.GetValueOrDefault(id)
            : domain.Length > 0 ? OwnerOf(domain) : null;
        if (organization is null)
        {
            return Parameter("organization_id").Length == 0 && domain.Length == 0
                ? Back("invalid_connection_selector", "Missing organization_id (or) connection_id (or) domain (or) provider in the authorization URL")
                : Back("domain_not_found", $"domain {domain} is not registered to any organization");
        }
        var connection = state.SsoConnections.Values.FirstOrDefault(c => c.OrganizationId == organization.Id && c.Active);
        if (connection is null)
        {
            return Back("no_active_connections", $"no active connections found for the organization {organization.Id}");
        }
        if (connection.Type == "SAML")
        {
            return SamlPostPage(connection);
        }
        return Results.Redirect(QueryHelpers.AddQueryString($"{sandbox.ScalekitUrl}/sso/v1/oidc/{connection.Id}/initiate",
            new Dictionary<string, string?> { ["state"] = RandomId.Alphanumeric(24), ["login_hint"] = hint }));
    });

    /// <summary>Call with the lock held.</summary>
    private Organization? OwnerOf(string domain)
    {
        var owner = state.Domains.Values.FirstOrDefault(d => d.DomainType == OrganizationDomain && string.Equals(d.Name, domain, StringComparison.OrdinalIgnoreCase));
        return owner is null ? null : state.Organizations.GetValueOrDefault(owner.OrganizationId);
    }

    /// <summary>The HTTP-POST binding as captured: a page whose form posts the SAML request to the identity provider.</summary>
    private static IResult SamlPostPage(SsoConnection connection)
    {
        var relayState = "req_" + RandomId.Digits(17);
        var page = $"""
            <!DOCTYPE html>
            <html>
                <body>
                    <form method="post" action="{WebUtility.HtmlEncode(connection.IdentityProviderUrl)}" id="SAMLRequestForm">
                        <input type="hidden" name="SAMLRequest" value="{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("<samlp:AuthnRequest/>"))}" />
                        <input type="hidden" name="RelayState" value="{relayState}" />
                        <input id="SAMLSubmitButton" type="submit" value="Submit" />
                    </form>
                    <script>document.getElementById('SAMLSubmitButton').style.visibility="hidden";document.getElementById('SAMLRequestForm').submit();</script>
                </body>
            </html>
            """;
        return Results.Content(page, "text/html", System.Text.Encoding.UTF8, 200);
    }

    private static IResult ErrorPage(int status, string error, string description) => Results.Content(
        $"<!DOCTYPE html><html><head><title>Error: {WebUtility.HtmlEncode(error)}</title></head><body><h1>{WebUtility.HtmlEncode(error)}</h1><p>{WebUtility.HtmlEncode(description)}</p></body></html>",
        "text/html", System.Text.Encoding.UTF8, status);

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

    public sealed record ControlSsoConnection(string? OrganizationId, string? ExternalId, string? Provider, string? Type, string? Status, bool? Enabled, string? IdentityProviderUrl, bool? IfMissing);
}

/// <summary>An organization's connection to its identity provider; only a completed, enabled one receives logins.</summary>
internal sealed class SsoConnection
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Provider { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required bool Enabled { get; init; }
    public required string IdentityProviderUrl { get; init; }
    public bool Active => Enabled && Status == "COMPLETED";
}
