using System.Management.Automation;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Commands;

/// <summary>The connection cmdlets hosted in-process: each bad input is a clear error with a stable id and no write.</summary>
public sealed class ConnectionCmdletTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    private readonly HostedShell _shell = new();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return Task.CompletedTask;
    }

    private static string ErrorId(ErrorRecord record) => record.FullyQualifiedErrorId.Split(',')[0];

    private void AssertNoWrite() => Assert.Empty(fixture.Writes());

    [Fact]
    public void New_then_new_again_is_one_connection_and_one_create()
    {
        _shell.ConnectBoth(fixture);

        var first = _shell.Run("New-ScalekitConnection -Name scalekit").Single().BaseObject as ScalekitConnection;
        var second = _shell.Run("New-ScalekitConnection -Name scalekit").Single().BaseObject as ScalekitConnection;

        Assert.Empty(_shell.Errors);
        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal("back_channel", second.ChannelType);
        Assert.True(second.ForwardsLoginHint);
        Assert.Single(fixture.Writes());
    }

    [Fact]
    public void Whatif_sends_no_write()
    {
        _shell.ConnectBoth(fixture);

        Assert.Empty(_shell.Run("New-ScalekitConnection -Name scalekit -WhatIf"));

        AssertNoWrite();
    }

    [Fact]
    public void Different_settings_are_refused_unless_forced()
    {
        _shell.ConnectBoth(fixture);
        _shell.Run("New-ScalekitConnection -Name scalekit");

        _shell.Run("New-ScalekitConnection -Name scalekit -Scope 'openid email'");
        Assert.Equal("ScalekitConnectionExists", ErrorId(Assert.Single(_shell.Errors)));
        Assert.Equal(ErrorCategory.ResourceExists, _shell.Errors[0].CategoryInfo.Category);

        var forced = _shell.Run("New-ScalekitConnection -Name scalekit -Scope 'openid email' -Force").Single().BaseObject as ScalekitConnection;
        Assert.Equal("openid email", forced!.Scope);
    }

    [Theory]
    [InlineData("my_conn")]
    [InlineData("-scalekit")]
    [InlineData("scale--kit")]
    [InlineData("")]
    public void A_name_auth0_would_refuse_is_an_error_before_any_write(string name)
    {
        _shell.ConnectBoth(fixture);

        _shell.Run("New-ScalekitConnection -Name $name", new Dictionary<string, object?> { ["name"] = name });

        var error = Assert.Single(_shell.Errors);
        Assert.Contains(ErrorId(error), new[] { "InvalidConnectionName", "ParameterArgumentValidationErrorEmptyStringNotAllowed" });
        AssertNoWrite();
    }

    [Fact]
    public void A_name_longer_than_128_is_an_error_that_says_so()
    {
        _shell.ConnectBoth(fixture);

        _shell.Run("New-ScalekitConnection -Name ('a' * 129)");

        var error = Assert.Single(_shell.Errors);
        Assert.Equal("InvalidConnectionName", ErrorId(error));
        Assert.Contains("129 characters", error.Exception.Message);
        AssertNoWrite();
    }

    [Fact]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused()
    {
        var error = _shell.Terminating("Connect-Scalekit -EnvironmentUrl http://acme.scalekit.com -ClientId skc_1 -ClientSecret (ConvertTo-SecureString x -AsPlainText -Force)");

        Assert.Equal("InvalidScalekitEnvironmentUrl", ErrorId(error));
        Assert.Contains("plain http", error.Exception.Message);
        Assert.Empty(fixture.Host.RequestLog.Snapshot());
    }

    [Fact]
    public void Without_connect_first_the_command_says_what_to_run()
    {
        var record = _shell.Terminating("Get-ScalekitConnection -Name scalekit");

        Assert.Equal("Auth0NotConnected", ErrorId(record));
        Assert.Contains("Connect-Auth0", record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_scalekit_secret_the_token_endpoint_refuses_fails_connect()
    {
        var record = _shell.Terminating(
            "Connect-Scalekit -EnvironmentUrl $sk -ClientId $id -ClientSecret (ConvertTo-SecureString not-the-secret-7f3a -AsPlainText -Force)",
            new Dictionary<string, object?> { ["sk"] = fixture.Host.ScalekitUrl, ["id"] = fixture.Host.ScalekitClientId });

        Assert.Equal("ScalekitCredentialsRefused", ErrorId(record));
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.DoesNotContain("not-the-secret-7f3a", record.ToString());
    }

    [Fact]
    public async Task An_unreachable_discovery_document_is_a_clear_error_and_no_write()
    {
        _shell.ConnectBoth(fixture);
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Scalekit, Path = "/.well-known/openid-configuration", Kind = FaultKind.Status, Status = 404 });

        _shell.Run("New-ScalekitConnection -Name scalekit");

        Assert.Equal("ScalekitDiscoveryUnreachable", ErrorId(Assert.Single(_shell.Errors)));
        AssertNoWrite();
    }

    [Fact]
    public async Task A_discovery_issuer_that_is_not_a_url_is_a_clear_error_and_no_write()
    {
        _shell.ConnectBoth(fixture);
        await fixture.ControlAsync(HttpMethod.Put, "/_sandbox/scalekit/discovery", new { issuer = "not a url" });

        _shell.Run("New-ScalekitConnection -Name scalekit");

        var error = Assert.Single(_shell.Errors);
        Assert.Equal("ScalekitDiscoveryInvalid", ErrorId(error));
        Assert.Contains("issuer", error.Exception.Message);
        AssertNoWrite();
    }

    [Fact]
    public async Task A_token_without_create_connections_is_named_at_connect_and_stops_the_create()
    {
        var scopes = new[] { "read:connections", "read:connections_options", "update:connections", "update:connections_options", "read:clients", "read:custom_domains", "delete:connections" };
        var response = await fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/clients", new { name = "limited", scopes });
        var client = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        _shell.ConnectBoth(fixture);
        _shell.Run("Connect-Auth0 -Domain $a0 -ClientId $id -ClientSecret $secret", new Dictionary<string, object?>
        {
            ["a0"] = fixture.Host.Auth0Url,
            ["id"] = (string?)client["client_id"],
            ["secret"] = Secret.Protect((string)client["client_secret"]!),
        });
        Assert.Contains("create:connections", Assert.Single(_shell.Warnings).Message);

        var record = _shell.Terminating("New-ScalekitConnection -Name scalekit");

        Assert.Equal("Auth0InsufficientScope", ErrorId(record));
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        Assert.DoesNotContain(fixture.Host.RequestLog.Snapshot(), r => r.Method == "POST" && r.Path == "/api/v2/connections" && r.Status < 400);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_name_and_not_sent_again()
    {
        _shell.ConnectBoth(fixture);
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "POST", Path = "/api/v2/connections", Count = 1, Kind = FaultKind.After });

        var connection = _shell.Run("New-ScalekitConnection -Name scalekit").Single().BaseObject as ScalekitConnection;

        Assert.Empty(_shell.Errors);
        Assert.Equal("scalekit", connection!.Name);
        var log = fixture.Host.RequestLog.Snapshot().Where(r => r.Path == "/api/v2/connections").Select(r => r.Method).ToList();
        Assert.Equal(new[] { "GET", "POST", "GET" }, log);
    }

    [Fact]
    public async Task A_503_on_the_create_is_looked_up_before_the_create_is_sent_again()
    {
        _shell.ConnectBoth(fixture);
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "POST", Path = "/api/v2/connections", Count = 1, Status = 503 });

        var connection = _shell.Run("New-ScalekitConnection -Name scalekit").Single().BaseObject as ScalekitConnection;

        Assert.Empty(_shell.Errors);
        Assert.Equal("scalekit", connection!.Name);
        var log = fixture.Host.RequestLog.Snapshot().Where(r => r.Path == "/api/v2/connections").Select(r => (r.Method, r.Status)).ToList();
        Assert.Equal(new[] { ("GET", 200), ("POST", 503), ("GET", 200), ("POST", 201) }, log);
    }

    [Fact]
    public async Task Stopping_the_command_cancels_the_http_call_in_flight()
    {
        _shell.ConnectBoth(fixture);
        var slowLookup = new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/connections", Count = 1, Kind = FaultKind.Delay, DelayMs = 120_000 };
        fixture.Host.Faults.Add(slowLookup);
        using var command = _shell.Prepare("Get-ScalekitConnection -Name scalekit");
        var invocation = command.BeginInvoke();
        await Eventually(() => slowLookup.Count == 0, "the lookup reaching the sandbox");

        command.Stop();

        Assert.Equal(PSInvocationState.Stopped, command.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => command.EndInvoke(invocation));
        // The sandbox sees the client go away and never serves the delayed request: the call was
        // cancelled, not left to run out its two minutes in the background.
        await Eventually(() => fixture.Host.RequestLog.Snapshot().Any(r => r.Path == "/api/v2/connections"), "the sandbox to see the client go");
        Assert.False(fixture.Host.RequestLog.Snapshot().Single(r => r.Path == "/api/v2/connections").Served);
    }

    [Fact]
    public void An_access_token_that_has_expired_fails_connect_and_names_the_time()
    {
        static string Base64Url(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiredToken = $"{Base64Url("{\"alg\":\"none\"}")}.{Base64Url("{\"exp\":1700000000,\"scope\":\"read:connections\"}")}.x";

        var record = _shell.Terminating("Connect-Auth0 -Domain $a0 -AccessToken $token", new Dictionary<string, object?>
        {
            ["a0"] = fixture.Host.Auth0Url,
            ["token"] = Secret.Protect(expiredToken),
        });

        Assert.Equal("Auth0TokenExpired", ErrorId(record));
        Assert.Contains("2023-11-14", record.Exception.Message);
        Assert.DoesNotContain(expiredToken, record.ToString());
    }

    /// <summary>Waits for something another thread brings about; bounded so a broken build fails instead of hanging.</summary>
    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 30_000, $"Gave up waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
