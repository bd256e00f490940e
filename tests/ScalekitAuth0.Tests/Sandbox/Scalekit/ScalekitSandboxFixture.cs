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
        return (await Answer.FromAsync(response)).Json["access_token"]!.GetValue<string>();
    }

    /// <summary>Sends a request to the Scalekit side; <paramref name="body"/> is JSON text or a node.</summary>
    public Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? token, object? body = null) =>
        SendToAsync(Host.ScalekitUrl, method, pathAndQuery, token, body as string ?? ((JsonNode?)body)?.ToJsonString());
}
