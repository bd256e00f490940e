using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// The tenant's OAuth side: <c>POST /oauth/token</c>, client_credentials only. Bad credentials are
/// refused before the audience is looked at; <c>scope</c> is left out when the client has no grant
/// on the audience, as in the recording.
/// </summary>
internal sealed class OAuthEndpoints(Auth0State state, SandboxContext sandbox) : IEndpoints
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(86400);

    /// <summary>The one audience this tenant's Management API answers to.</summary>
    private string Audience => sandbox.Auth0Url + "/api/v2/";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueTokenAsync);
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        var parameters = await ReadTokenRequestAsync(request);
        string? Parameter(string name) => parameters.TryGetValue(name, out var value) ? value : null;

        var grantType = Parameter("grant_type");
        if (grantType is null)
        {
            return ErrorBodies.OAuth(400, "invalid_request", "Missing required parameter: grant_type");
        }
        if (grantType != "client_credentials")
        {
            return ErrorBodies.OAuth(400, "unsupported_grant_type", $"Unsupported grant type: {grantType}");
        }
        var client = state.Locked(() => Parameter("client_id") is { } id && state.Clients.TryGetValue(id, out var found) ? found : null);
        if (client?.GrantedScopes is null || client.ClientSecret != Parameter("client_secret"))
        {
            return ErrorBodies.OAuth(401, "access_denied", "Unauthorized");
        }
        var audience = Parameter("audience");
        if (audience is null)
        {
            return ErrorBodies.OAuth(403, "access_denied", "No audience parameter was provided, and no default audience has been configured");
        }
        if (audience != Audience)
        {
            return ErrorBodies.OAuth(403, "access_denied", $"Service not enabled within domain: {audience}");
        }
        var scopes = client.GrantedScopes.ToList();
        var lifetime = sandbox.Tokens.LifetimeOf(Services.Auth0, TokenLifetime);
        var token = sandbox.Tokens.Issue(Services.Auth0, sandbox.Auth0Url + "/", client.ClientId, scopes, lifetime);
        var answer = new JsonObject { ["access_token"] = token, ["expires_in"] = (int)lifetime.TotalSeconds };
        if (scopes.Count > 0)
        {
            answer["scope"] = string.Join(' ', scopes);
        }
        answer["token_type"] = "Bearer";
        return JsonBody.Answer(answer);
    }

    private static async Task<Dictionary<string, string>> ReadTokenRequestAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        try
        {
            return await Auth0Wire.ReadJsonAsync(request) is JsonObject json
                ? json.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string>();
        }
        catch (ApiRefusal)
        {
            return new Dictionary<string, string>();
        }
    }
}
