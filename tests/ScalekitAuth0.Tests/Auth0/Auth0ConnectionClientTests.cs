using System.Text.Json.Nodes;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Auth0;

/// <summary>The Auth0 connection calls and the transport under them, over real HTTP against the sandbox.</summary>
public sealed class Auth0ConnectionClientTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ScalekitConnectionSpec> SpecAsync(string name)
    {
        var scalekit = fixture.ScalekitContext();
        var discovery = await scalekit.Client.GetDiscoveryAsync(Operation.Silent());
        return new ScalekitConnectionSpec(name, scalekit.EnvironmentUrl, discovery, scalekit.ClientId, Secret.Protect("scalekit-secret"));
    }

    [Fact]
    public async Task Create_sends_what_auth0s_schema_wants_and_nothing_it_rejects()
    {
        var auth0 = fixture.Auth0Context();
        var created = await auth0.Client.CreateConnectionAsync((await SpecAsync("scalekit")).CreateBody(), Operation.Silent());

        Assert.StartsWith("con_", created.Id);
        Assert.Equal("back_channel", created.Option("type"));
        var sent = JsonNode.Parse(fixture.Requests(Services.Auth0, "POST").Single(r => r.Path == "/api/v2/connections").Body!)!.AsObject();
        var options = sent["options"]!.AsObject();
        Assert.Equal("openid profile email", (string?)options["scope"]);
        Assert.False(options.ContainsKey("scopes"));
        Assert.Equal(fixture.Host.ScalekitUrl, (string?)options["issuer"]);
        Assert.Equal("login_hint", (string?)options["upstream_params"]!["login_hint"]!["alias"]);
        Assert.DoesNotContain("null", sent.ToJsonString());
    }

    [Fact]
    public async Task A_name_that_is_not_there_is_null_not_an_error()
    {
        Assert.Null(await fixture.Auth0Context().Client.FindConnectionByNameAsync("absent", Operation.Silent()));
    }

    [Fact]
    public async Task An_update_that_carries_the_whole_options_keeps_the_secret()
    {
        var auth0 = fixture.Auth0Context();
        var spec = await SpecAsync("keep-secret");
        var created = await auth0.Client.CreateConnectionAsync(spec.CreateBody(), Operation.Silent());
        spec.DisplayName = "Renamed";

        await auth0.Client.UpdateConnectionAsync(created.Id, spec.UpdateBody(created), Operation.Silent());

        var read = await auth0.Client.GetConnectionAsync(created.Id, Operation.Silent());
        Assert.Equal("scalekit-secret", read.Option("client_secret"));
        Assert.Equal("Renamed", read.DisplayName);
        Assert.Empty(spec.Differences(read));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_create_succeeds_once()
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "POST", Path = "/api/v2/connections", Count = 1, Status = 429, RetryAfter = "1" });

        var created = await fixture.Auth0Context().Client.CreateConnectionAsync((await SpecAsync("after-429")).CreateBody(), Operation.Silent());

        Assert.Equal("after-429", created.Name);
        Assert.Equal(new[] { 429, 201 }, fixture.Requests(Services.Auth0, "POST").Where(r => r.Path == "/api/v2/connections").Select(r => r.Status));
    }

    [Fact]
    public async Task A_503_on_a_create_is_not_sent_again_and_says_the_outcome_is_unknown()
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "POST", Path = "/api/v2/connections", Count = 1, Status = 503 });

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
            await fixture.Auth0Context().Client.CreateConnectionAsync((await SpecAsync("after-503")).CreateBody(), Operation.Silent()));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
        Assert.Single(fixture.Requests(Services.Auth0, "POST"), r => r.Path == "/api/v2/connections");
    }

    [Theory]
    [InlineData(FaultKind.Status, 503)]
    [InlineData(FaultKind.Status, 502)]
    [InlineData(FaultKind.Drop, 0)]
    [InlineData(FaultKind.Malformed, 0)]
    public async Task A_read_that_fails_once_is_retried(FaultKind kind, int status)
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/connections", Count = 1, Kind = kind, Status = status });

        Assert.Null(await fixture.Auth0Context().Client.FindConnectionByNameAsync("absent", Operation.Silent()));

        var reads = fixture.Requests(Services.Auth0, "GET").Where(r => r.Path == "/api/v2/connections").ToList();
        Assert.Equal(2, reads.Count);
        // Only a malformed answer came from the emulator itself; the log says which did.
        Assert.Equal(kind == FaultKind.Malformed, reads[0].Served);
        Assert.True(reads[1].Served);
    }

    [Fact]
    public async Task A_slow_answer_past_the_timeout_is_abandoned_and_retried()
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/connections", Count = 1, Kind = FaultKind.Delay, DelayMs = 5000 });
        var settings = new TransportSettings { RequestTimeout = TimeSpan.FromSeconds(1) };

        Assert.Null(await fixture.Auth0Context(settings).Client.FindConnectionByNameAsync("absent", Operation.Silent()));
    }

    [Fact]
    public async Task A_refused_token_is_replaced_once()
    {
        var auth0 = fixture.Auth0Context();
        await auth0.Client.FindConnectionByNameAsync("warm-up", Operation.Silent());
        await fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/expire-tokens");

        Assert.Null(await auth0.Client.FindConnectionByNameAsync("absent", Operation.Silent()));

        Assert.Equal(2, fixture.Requests(Services.Auth0, "POST").Count(r => r.Path == "/oauth/token"));
    }

    [Fact]
    public async Task Auth0s_error_body_reaches_the_exception()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Auth0Context().Client.GetConnectionAsync("con_doesnotexist0000", Operation.Silent()));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Equal("inexistent_connection", error.ErrorCode);
        Assert.Equal("The connection does not exist", error.ApiMessage);
    }

    [Fact]
    public async Task Verbose_tracing_names_method_url_and_status_but_no_secret()
    {
        var log = new RecordingLog();
        await fixture.Auth0Context().Client.FindConnectionByNameAsync("traced", new Operation(log, default));

        Assert.Contains(log.Messages, m => m.StartsWith("GET " + fixture.Host.Auth0Url + "/api/v2/connections?name=traced -> 200"));
        Assert.Contains(log.Messages, m => m.StartsWith("POST " + fixture.Host.Auth0Url + "/oauth/token -> 200"));
        Assert.DoesNotContain(log.Messages, m => m.Contains(fixture.Host.Auth0ClientSecret) || m.Contains("Bearer"));
    }
}
