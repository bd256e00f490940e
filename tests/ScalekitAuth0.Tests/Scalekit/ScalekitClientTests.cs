using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Tests.Fixtures;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

/// <summary>The Scalekit clients API (a client's allowed redirect URIs) over real HTTP against the sandbox, and against Scalekit's captured answers.</summary>
public sealed class ScalekitClientTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    private const string ClientsPath = "/api/v1/clients/";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string ClientId => fixture.Host.ScalekitClientId;

    private IReadOnlyList<LoggedRequest> Patches() =>
        fixture.Requests(Services.Scalekit, "PATCH").Where(r => r.Path.StartsWith(ClientsPath, StringComparison.Ordinal)).ToList();

    private async Task<ScalekitClientInfo> ClientWithAsync(ScalekitContext scalekit, params string[] uris)
    {
        var client = await scalekit.Client.GetClientAsync(ClientId, Operation.Silent());
        return await scalekit.Client.UpdateRedirectUrisAsync(client, uris, Operation.Silent());
    }

    [Fact]
    public async Task The_environment_client_starts_with_no_post_login_uris()
    {
        var client = await fixture.ScalekitContext().Client.GetClientAsync(ClientId, Operation.Silent());

        Assert.Equal(ClientId, client.Id);
        Assert.Equal("post_login_uris", client.RedirectUriField);
        Assert.Empty(client.RedirectUris);
    }

    [Fact]
    public async Task The_update_sends_only_the_list_unwrapped_and_the_whole_of_it()
    {
        var updated = await ClientWithAsync(fixture.ScalekitContext(), "https://a.example/cb", "https://b.example/cb");

        Assert.Equal(["https://a.example/cb", "https://b.example/cb"], updated.RedirectUris);
        var patch = Assert.Single(Patches());
        Assert.Equal(ClientsPath + ClientId, patch.Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"post_login_uris":["https://a.example/cb","https://b.example/cb"]}"""), JsonNode.Parse(patch.Body!)));
    }

    [Fact]
    public async Task A_change_adds_only_what_is_missing_keeps_the_rest_in_place_and_is_read_back()
    {
        var scalekit = fixture.ScalekitContext();
        var client = await ClientWithAsync(scalekit, "https://keep.example/one", "https://a.example/cb", "https://keep.example/two");
        fixture.Host.RequestLog.Clear();

        var after = await scalekit.Client.ApplyRedirectUriChangeAsync(client, RedirectUriChange.Adding(["https://a.example/cb", "https://new.example/cb"]), Operation.Silent());

        Assert.Equal(["https://keep.example/one", "https://a.example/cb", "https://keep.example/two", "https://new.example/cb"], after.RedirectUris);
        Assert.Equal(["PATCH", "GET"], fixture.Requests(Services.Scalekit).Where(r => r.Path != "/oauth/token").Select(r => r.Method));
    }

    [Fact]
    public async Task Scalekits_own_refusal_for_its_cap_is_the_redirect_uri_limit_error_and_nothing_is_stored()
    {
        await fixture.ControlAsync(HttpMethod.Put, "/_sandbox/scalekit/client-shape", new { legacyRedirectUris = false, maxRedirectUris = 3 });
        var scalekit = fixture.ScalekitContext();
        var client = await ClientWithAsync(scalekit, "https://keep.example/one", "https://keep.example/two");

        var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => scalekit.Client.ApplyRedirectUriChangeAsync(client,
            RedirectUriChange.Adding(["https://tenant.example/login/callback", "https://custom.example/login/callback"]), Operation.Silent()));

        Assert.Equal("ScalekitRedirectUriLimit", error.ErrorId);
        Assert.Contains("https://tenant.example/login/callback, https://custom.example/login/callback", error.Message);
        Assert.Contains("allows 2 now in post_login_uris: https://keep.example/one, https://keep.example/two", error.Message);
        Assert.Contains("Remove-ScalekitRedirectUri", error.RecommendedAction);
        var refusal = Assert.IsType<ApiException>(error.InnerException);
        Assert.Equal("post_login_uris", Assert.Single(refusal.FieldViolations).Field);
        Assert.Equal(["https://keep.example/one", "https://keep.example/two"], fixture.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task Another_refusal_of_the_list_stays_the_error_it_is()
    {
        var scalekit = fixture.ScalekitContext();
        var client = await scalekit.Client.GetClientAsync(ClientId, Operation.Silent());

        // The sandbox refuses a wildcard at the root level; the module's own check does not look at wildcards.
        var error = await Assert.ThrowsAsync<ApiException>(() => scalekit.Client.ApplyRedirectUriChangeAsync(client,
            RedirectUriChange.Adding(["https://*.com/cb"]), Operation.Silent()));

        Assert.Equal(ApiErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public async Task A_legacy_deployment_is_read_and_written_through_redirect_uris()
    {
        await fixture.ControlAsync(HttpMethod.Put, "/_sandbox/scalekit/client-shape", new { legacyRedirectUris = true });
        var scalekit = fixture.ScalekitContext();
        var client = await scalekit.Client.GetClientAsync(ClientId, Operation.Silent());

        var after = await scalekit.Client.ApplyRedirectUriChangeAsync(client, RedirectUriChange.Adding(["https://a.example/cb"]), Operation.Silent());

        Assert.Equal("redirect_uris", client.RedirectUriField);
        Assert.Equal(["https://a.example/cb"], after.RedirectUris);
        Assert.Equal("""{"redirect_uris":["https://a.example/cb"]}""", Assert.Single(Patches()).Body);
    }

    [Fact]
    public async Task A_concurrent_writer_that_replaced_the_list_is_merged_with_again()
    {
        var scalekit = fixture.ScalekitContext();
        var client = await scalekit.Client.GetClientAsync(ClientId, Operation.Silent());
        // Our read-back waits while another writer replaces the whole list after our PATCH.
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Scalekit, Method = "GET", Path = ClientsPath, Count = 1, Kind = FaultKind.Delay, DelayMs = 1500 });
        var log = new RecordingLog();

        var applying = scalekit.Client.ApplyRedirectUriChangeAsync(client, RedirectUriChange.Adding(["https://ours.example/cb"]), log.Operation());
        while (Patches().Count == 0)
        {
            await Task.Delay(20);
        }
        // The other writer sends no GET, which the delay is kept for.
        await fixture.ScalekitContext().Client.UpdateRedirectUrisAsync(client, ["https://theirs.example/cb"], Operation.Silent());
        var after = await applying;

        Assert.Equal(["https://theirs.example/cb", "https://ours.example/cb"], after.RedirectUris);
        Assert.Equal(3, Patches().Count);
        Assert.Contains(log.Messages, m => m.Contains("Merging again"));
    }

    [Fact]
    public async Task A_client_scalekit_does_not_know_is_a_404_carrying_scalekits_error_code()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.ScalekitContext().Client.GetClientAsync("skc_404", Operation.Silent()));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Scalekit", error.Service);
        Assert.Equal("NOT_FOUND", error.ErrorCode);
        Assert.Contains("api/v1/clients/skc_404", error.Message);
    }

    [Fact]
    public async Task A_list_scalekit_refuses_is_a_400_carrying_its_message_and_code_and_is_not_retried()
    {
        var scalekit = fixture.ScalekitContext();

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientWithAsync(scalekit, "https://a.example/cb?x=1"));

        Assert.Equal(ApiErrorKind.BadRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", error.ErrorCode);
        Assert.Contains("https://a.example/cb?x=1", error.ApiMessage);
        Assert.Single(Patches());
        Assert.Empty((await scalekit.Client.GetClientAsync(ClientId, Operation.Silent())).RedirectUris);
    }

    public static TheoryData<string, string, int> CapturedClientAnswers() => new()
    {
        { "GET", "https://oauth.pstmn.io/v1/callback", 3 },
        { "PATCH", "http://localhost:3000/api/callback", 2 },
    };

    /// <summary>Scalekit's own answers from 2025 carry the legacy key; the same parse must read them.</summary>
    [Theory]
    [MemberData(nameof(CapturedClientAnswers))]
    public void A_captured_client_answer_is_read_as_a_legacy_client(string method, string firstUri, int count)
    {
        var captured = PostmanCollection.All.First(e => e.Request.Method == method && e.Request.Path == "/api/v1/clients/{{client_id}}" && e.Response.Status == 200);

        var client = ScalekitClientInfo.Parse(JToken.Parse(captured.Response.Body), "skc_58327482062864390")!;

        Assert.Equal("skc_58327482062864390", client.Id);
        Assert.Equal("redirect_uris", client.RedirectUriField);
        Assert.Equal(count, client.RedirectUris.Count);
        Assert.Equal(firstUri, client.RedirectUris[0]);
    }

    [Theory]
    [InlineData(404, "NOT_FOUND", "directory not found")]
    [InlineData(400, "BAD_REQUEST", "INVALID_CONNECTION_TYPE")]
    [InlineData(400, null, "field already set for oneof \"identities\"")]
    public void A_captured_scalekit_error_gives_its_error_code_and_message(int status, string? code, string message)
    {
        var captured = PostmanCollection.All.First(e => e.Response.Status == status && e.Response.Body.Contains(message.Replace("\"", "\\\"")));

        Assert.Equal((code, message), ApiErrorBody.Parse(captured.Response.Body, status));
    }
}
