using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScalekitAuth0.Tests.Support;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>One in-process sandbox per test class, spoken to over plain HTTP.</summary>
public sealed class ScalekitSandboxFixture : InProcessSandbox, ISeededToken
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
