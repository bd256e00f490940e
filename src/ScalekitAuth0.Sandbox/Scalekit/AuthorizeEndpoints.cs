using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// What a login meets at Scalekit: <c>GET /oauth/authorize</c> checks the client and its redirect
/// URI, finds the connection from the selector (behind Auth0, <c>login_hint</c>'s domain) and sends
/// the browser to that organization's active SSO connection: an OIDC identity provider by a redirect
/// through one hop on Scalekit's own host, a SAML one by a page that posts the request, as captured.
/// Errors go back to <c>redirect_uri</c> as <c>error</c>/<c>error_description</c> (reference §5), but
/// a redirect URI that is not allowed gets an error page.
/// </summary>
internal sealed class AuthorizeEndpoints(ScalekitState state, SandboxContext sandbox) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
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
        // The documented precedence: connection_id, then organization_id, then domain (or login_hint's).
        var connectionId = Parameter("connection_id");
        var organizationId = Parameter("organization_id");
        if (connectionId.Length > 0)
        {
            var chosen = state.SsoConnections.GetValueOrDefault(connectionId);
            return chosen is { Active: true } ? Send(chosen) : Back("connection_not_active", $"connection {connectionId} is not active");
        }
        var organization = organizationId.Length > 0 ? state.Organizations.GetValueOrDefault(organizationId)
            : domain.Length > 0 ? state.OwnerOfDomain(domain) : null;
        if (organization is null)
        {
            return organizationId.Length == 0 && domain.Length == 0
                ? Back("invalid_connection_selector", "Missing organization_id (or) connection_id (or) domain (or) provider in the authorization URL")
                : Back("domain_not_found", $"domain {domain} is not registered to any organization");
        }
        var connection = state.SsoConnections.Values.FirstOrDefault(c => c.OrganizationId == organization.Id && c.Active);
        return connection is null ? Back("no_active_connections", $"no active connections found for the organization {organization.Id}") : Send(connection);

        IResult Send(SsoConnection connection) => connection.Type == "SAML"
            ? SamlPostPage(connection)
            : Results.Redirect(QueryHelpers.AddQueryString($"{sandbox.ScalekitUrl}/sso/v1/oidc/{connection.Id}/initiate",
                new Dictionary<string, string?> { ["state"] = RandomId.Alphanumeric(24), ["login_hint"] = hint }));
    });

    /// <summary>The HTTP-POST binding as captured: a page whose form posts the SAML request to the identity provider.</summary>
    private static IResult SamlPostPage(SsoConnection connection)
    {
        var page = $"""
            <!DOCTYPE html>
            <html>
                <body>
                    <form method="post" action="{WebUtility.HtmlEncode(connection.IdentityProviderUrl)}" id="SAMLRequestForm">
                        <input type="hidden" name="SAMLRequest" value="{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("<samlp:AuthnRequest/>"))}" />
                        <input type="hidden" name="RelayState" value="req_{RandomId.Digits(17)}" />
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
}
