using ScalekitAuth0.Tests.Support;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

/// <summary>
/// Behaviour tests of the Auth0 emulator: the Management API called as the module would, with the
/// seeded M2M client's token (every module scope) unless a test brings its own.
/// </summary>
public abstract class Auth0TestBase(Auth0SandboxFixture sandbox) : EmulatorTestBase<Auth0SandboxFixture>(sandbox)
{
    protected Task<Answer> GetAsync(string path, string? token = null) => Sandbox.SendAsync(HttpMethod.Get, path, token ?? Token);

    protected Task<Answer> PostAsync(string path, JsonNode body, string? token = null) => Sandbox.SendAsync(HttpMethod.Post, path, token ?? Token, body);

    protected Task<Answer> PatchAsync(string path, JsonNode body, string? token = null) => Sandbox.SendAsync(HttpMethod.Patch, path, token ?? Token, body);

    protected Task<Answer> DeleteAsync(string path, string? token = null) => Sandbox.SendAsync(HttpMethod.Delete, path, token ?? Token);

    /// <summary>The create body the module sends for Scalekit (reference §1.4), with a chosen name.</summary>
    internal static JsonObject OidcConnection(string name) => new()
    {
        ["name"] = name,
        ["display_name"] = "Scalekit SSO",
        ["strategy"] = "oidc",
        ["options"] = new JsonObject
        {
            ["type"] = "back_channel",
            ["client_id"] = "skc_1",
            ["client_secret"] = "secret",
            ["issuer"] = "https://sso.example.com",
            ["authorization_endpoint"] = "https://sso.example.com/oauth/authorize",
            ["token_endpoint"] = "https://sso.example.com/oauth/token",
            ["userinfo_endpoint"] = "https://sso.example.com/userinfo",
            ["jwks_uri"] = "https://sso.example.com/keys",
            ["scope"] = "openid profile email",
            ["domain_aliases"] = new JsonArray("acme.com"),
        },
    };

    protected async Task<JsonObject> CreateConnectionAsync(string name)
    {
        var created = await PostAsync("/api/v2/connections", OidcConnection(name));
        Assert.True(created.Status == 201, created.Text);
        return created.Object;
    }

    protected async Task<string> CreateApplicationAsync(string name)
    {
        var response = await Sandbox.Http.PostAsync(
            Sandbox.Auth0Url + "/_sandbox/auth0/applications",
            new StringContent(new JsonObject { ["name"] = name }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return (await Answer.FromAsync(response)).Object["client_id"]!.GetValue<string>();
    }

    protected static string Id(JsonObject o) => o["id"]!.GetValue<string>();

    /// <summary>An Auth0 error body as the sandbox writes it (ASP.NET's relaxed escaping: quotes and apostrophes as themselves).</summary>
    protected static string Error(int status, string error, string message, string errorCode) =>
        new JsonObject { ["statusCode"] = status, ["error"] = error, ["message"] = message, ["errorCode"] = errorCode }.ToJsonString(Wire);

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected static void AssertAuth0Error(Answer answer, int status, string errorCode, string? messageStart = null)
    {
        Assert.True(answer.Status == status, $"{answer.Status}: {answer.Text}");
        Assert.Equal(errorCode, answer.Object["errorCode"]?.GetValue<string>());
        if (messageStart is not null)
        {
            Assert.StartsWith(messageStart, answer.Object["message"]!.GetValue<string>());
        }
    }
}
