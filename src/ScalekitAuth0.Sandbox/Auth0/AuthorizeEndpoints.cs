using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// The Authentication API's <c>GET /authorize</c> with a <c>connection</c>, which skips the login page
/// and sends the browser to the connection's identity provider (reference §14). No token: a browser
/// has none. The application must exist and <c>redirect_uri</c> be one of its <c>callbacks</c>
/// exactly (else an error page: never redirect to an unverified URI); the connection must exist and
/// be enabled for it (else a redirect back with <c>error</c>). Then a 302 to the connection's
/// <c>authorization_endpoint</c> with its client id, Auth0's callback, its scope, a state of Auth0's
/// own, a nonce, and each <c>upstream_params</c> entry.
/// </summary>
internal sealed class AuthorizeEndpoints(Auth0State state, SandboxContext sandbox) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/authorize", Authorize);

    private IResult Authorize(HttpRequest request) => state.Locked(() =>
    {
        string? Parameter(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        if (Parameter("client_id") is not { } clientId || !state.Clients.TryGetValue(clientId, out var application))
        {
            return ErrorPage("invalid_request", "Unknown client: " + Parameter("client_id"));
        }
        var callbacks = (application.Fields["callbacks"] as JsonArray)?.Select(c => c?.ToString()).ToList() ?? [];
        var redirectUri = Parameter("redirect_uri");
        if (redirectUri is null || !callbacks.Contains(redirectUri))
        {
            return ErrorPage("unauthorized_client", "Callback URL mismatch. The provided redirect_uri is not in the list of allowed callback URLs.");
        }
        var requestState = Parameter("state");
        IResult Back(string error, string description) => Results.Redirect(QueryHelpers.AddQueryString(redirectUri,
            new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description, ["state"] = requestState }));
        if (Parameter("response_type") != "code")
        {
            return Back("unsupported_response_type", $"Unsupported response type: {Parameter("response_type")}");
        }
        var connection = state.Connections.Values.FirstOrDefault(c => c.Name == Parameter("connection"));
        if (connection is null)
        {
            return Back("invalid_request", "the connection was not found");
        }
        if (!connection.EnabledClients.Contains(clientId))
        {
            return Back("invalid_request", "the connection is not enabled");
        }
        var options = connection.Fields["options"] as JsonObject ?? new JsonObject();
        if (options["authorization_endpoint"]?.ToString() is not { } endpoint)
        {
            return ErrorPage("server_error", "the connection has no authorization endpoint");
        }
        var upstream = new Dictionary<string, string?>
        {
            ["client_id"] = options["client_id"]?.ToString(),
            ["response_type"] = "code",
            ["redirect_uri"] = sandbox.Auth0Url + "/login/callback",
            ["scope"] = options["scope"]?.ToString() ?? "openid",
            ["state"] = RandomId.Alphanumeric(32),
            ["nonce"] = RandomId.Alphanumeric(32),
        };
        foreach (var (name, rule) in options["upstream_params"] as JsonObject ?? new JsonObject())
        {
            var value = rule?["alias"] is { } alias ? Parameter(alias.ToString()) : rule?["value"]?.ToString();
            if (value is not null)
            {
                upstream[name] = value;
            }
        }
        return Results.Redirect(QueryHelpers.AddQueryString(endpoint, upstream));
    });

    /// <summary>Auth0's hosted error page: HTML for a person, with the error code in it.</summary>
    private static IResult ErrorPage(string error, string description) => Results.Content(
        $"<!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(description)}</title></head><body><h1>Oops!, something went wrong</h1>" +
        $"<p>{WebUtility.HtmlEncode(error)}</p><p>{WebUtility.HtmlEncode(description)}</p></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, 400);
}
