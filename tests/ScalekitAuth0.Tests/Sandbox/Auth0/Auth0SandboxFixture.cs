using System.Net.Http.Headers;
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

    public async Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, Auth0Url + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }
        return await Answer.FromAsync(await Http.SendAsync(request));
    }
}

/// <summary>A status code and the parsed body (null when empty).</summary>
public sealed record Answer(int Status, string Text, JsonNode? Json)
{
    public static async Task<Answer> FromAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public JsonObject Object => Json as JsonObject ?? throw new InvalidOperationException($"Expected a JSON object, got {Status}: {Text}");

    public JsonArray Array => Json as JsonArray ?? throw new InvalidOperationException($"Expected a JSON array, got {Status}: {Text}");
}
