using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Auth0;
using ScalekitAuth0.Tests.Support;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

/// <summary>One in-process sandbox per test class (xunit class fixture), reached with a plain HttpClient.</summary>
public sealed class Auth0SandboxFixture : InProcessSandbox, ISeededToken
{
    public string Auth0Url => Host.Auth0Url;

    public string Audience => Auth0Url + "/api/v2/";

    /// <summary>A machine-to-machine client with exactly <paramref name="scopes"/>, made through the control route.</summary>
    public async Task<(string ClientId, string ClientSecret)> CreateM2MClientAsync(params string[] scopes)
    {
        var response = await Http.PostAsJsonAsync(Auth0Url + "/_sandbox/auth0/clients", new { name = "test", scopes });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
    }

    public async Task<string> TokenAsync(string clientId, string clientSecret)
    {
        var response = await Http.PostAsJsonAsync(Auth0Url + "/oauth/token", new
        {
            grant_type = "client_credentials",
            client_id = clientId,
            client_secret = clientSecret,
            audience = Audience,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    Task<string> ISeededToken.TokenAsync() => TokenAsync();

    /// <summary>A token for the seeded M2M client (every module scope) or, given scopes, for a fresh client with only those.</summary>
    public async Task<string> TokenAsync(params string[] scopes)
    {
        var (id, secret) = scopes.Length == 0
            ? (Host.Auth0ClientId, Host.Auth0ClientSecret)
            : await CreateM2MClientAsync(scopes);
        return await TokenAsync(id, secret);
    }

    /// <summary>Every module scope plus the ones the recorded upstream tests used to set up and tear down.</summary>
    public static string[] AllScopes { get; } =
    [
        .. Auth0Scopes.Module, Auth0Scopes.CreateClients, Auth0Scopes.DeleteClients, Auth0Scopes.ReadClientKeys,
        Auth0Scopes.CreateCustomDomains, Auth0Scopes.DeleteCustomDomains,
    ];

    public Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? token, JsonNode? body = null) =>
        SendToAsync(Auth0Url, method, pathAndQuery, token, body?.ToJsonString());
}
