using ScalekitAuth0.Tests.Support;
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

    protected Task<Answer> GetAsync(string path) => Sandbox.SendAsync(HttpMethod.Get, path, Token);

    protected Task<Answer> PostAsync(string path, object body) => Sandbox.SendAsync(HttpMethod.Post, path, Token, body);

    protected Task<Answer> PatchAsync(string path, object body) => Sandbox.SendAsync(HttpMethod.Patch, path, Token, body);

    protected Task<Answer> PutAsync(string path) => Sandbox.SendAsync(HttpMethod.Put, path, Token);

    protected Task<Answer> DeleteAsync(string path) => Sandbox.SendAsync(HttpMethod.Delete, path, Token);

    protected async Task<string> CreateOrganizationAsync(string displayName, string? externalId = null)
    {
        var body = new JsonObject { ["display_name"] = displayName };
        if (externalId is not null)
        {
            body["external_id"] = externalId;
        }
        var answer = await PostAsync("/api/v1/organizations", body);
        Assert.Equal(200, answer.Status);
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
    protected static void AssertError(Answer answer, HttpStatusCode status, int code, string? errorCode, string? messagePart = null)
    {
        Assert.True(answer.Status == (int)status, $"expected {(int)status}, got {answer}");
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
