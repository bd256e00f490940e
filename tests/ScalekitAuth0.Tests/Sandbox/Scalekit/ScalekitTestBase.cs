using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>
/// The base of the Scalekit behaviour tests: every test starts from the seeds with a fresh token,
/// and calls the API as the module would.
/// </summary>
public abstract class ScalekitTestBase(ScalekitSandboxFixture sandbox) : EmulatorTestBase<ScalekitSandboxFixture>(sandbox)
{
    protected string ClientId => Sandbox.Host.ScalekitClientId;

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
