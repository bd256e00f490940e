using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>One in-process sandbox per test class, spoken to over plain HTTP.</summary>
public sealed class ScalekitSandboxFixture : InProcessSandbox
{
    public async Task ControlAsync(string path, string json) =>
        (await Http.PutAsync($"{Host.ScalekitUrl}/_sandbox/{path}", new StringContent(json, Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> TokenResponseAsync(string clientId, string clientSecret) =>
        await Http.PostAsync($"{Host.ScalekitUrl}/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public async Task<string> TokenAsync()
    {
        var response = await TokenResponseAsync(Host.ScalekitClientId, Host.ScalekitClientSecret);
        response.EnsureSuccessStatusCode();
        return (await ReadJsonAsync(response))!["access_token"]!.GetValue<string>();
    }

    /// <summary>Sends a request to the Scalekit side; <paramref name="body"/> is JSON text or a node.</summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string pathAndQuery, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Host.ScalekitUrl + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? ((JsonNode)body).ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        return new ApiAnswer(response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}

public sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Body)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"HTTP {(int)Status} had no body");

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}

/// <summary>
/// The base of the Scalekit behaviour tests: every test starts from the seeds with a fresh token,
/// and calls the API as the module would.
/// </summary>
public abstract class ScalekitSandboxTests(ScalekitSandboxFixture sandbox) : IClassFixture<ScalekitSandboxFixture>, IAsyncLifetime
{
    protected ScalekitSandboxFixture Sandbox { get; } = sandbox;

    protected string Token { get; private set; } = "";

    protected string ClientId => Sandbox.Host.ScalekitClientId;

    public async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        Token = await Sandbox.TokenAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<ApiAnswer> GetAsync(string path) => Sandbox.SendAsync(HttpMethod.Get, path, Token);

    protected Task<ApiAnswer> PostAsync(string path, object body) => Sandbox.SendAsync(HttpMethod.Post, path, Token, body);

    protected Task<ApiAnswer> PatchAsync(string path, object body) => Sandbox.SendAsync(HttpMethod.Patch, path, Token, body);

    protected Task<ApiAnswer> PutAsync(string path) => Sandbox.SendAsync(HttpMethod.Put, path, Token);

    protected Task<ApiAnswer> DeleteAsync(string path) => Sandbox.SendAsync(HttpMethod.Delete, path, Token);

    protected async Task<string> CreateOrganizationAsync(string displayName, string? externalId = null)
    {
        var body = new JsonObject { ["display_name"] = displayName };
        if (externalId is not null)
        {
            body["external_id"] = externalId;
        }
        var answer = await PostAsync("/api/v1/organizations", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json["organization"]!["id"]!.GetValue<string>();
    }

    /// <summary>Asserts a list answer holds one item, the one with <paramref name="id"/>, and no next page.</summary>
    protected static void AssertOnlyItem(JsonNode list, string itemsKey, string id)
    {
        Assert.Equal(1, list["total_size"]!.GetValue<int>());
        Assert.Equal(id, Assert.Single(list[itemsKey]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("", list["next_page_token"]!.GetValue<string>());
    }

    /// <summary>Asserts a Scalekit error body: google.rpc.Status with the gRPC code and, when given, the ErrorInfo error_code.</summary>
    protected static void AssertError(ApiAnswer answer, HttpStatusCode status, int code, string? errorCode, string? messagePart = null)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {answer}");
        Assert.Equal(code, answer.Json["code"]!.GetValue<int>());
        var details = answer.Json["details"]!.AsArray();
        if (errorCode is null)
        {
            Assert.Empty(details);
        }
        else
        {
            var detail = Assert.Single(details)!;
            Assert.Equal("type.googleapis.com/scalekit.v1.errdetails.ErrorInfo", detail["@type"]!.GetValue<string>());
            Assert.Equal(errorCode, detail["error_code"]!.GetValue<string>());
        }
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, answer.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
