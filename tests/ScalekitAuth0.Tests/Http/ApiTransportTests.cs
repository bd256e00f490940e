using System.Globalization;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

/// <summary>The transport's retries and rate-limit answers, over real HTTP against the sandbox's fault rules.</summary>
public sealed class ApiTransportTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    [Fact]
    public async Task A_GET_answered_500_once_succeeds_on_the_retry()
    {
        var client = Fixture.Auth0Context().Client;
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/connections", Count = 1, Status = 500 });

        var listed = new List<string>();
        await client.ListConnectionsAsync([], page => listed.AddRange(page.Select(c => c.Id)), Operation.Silent());

        Assert.Empty(listed);
        Assert.Equal([(500, false), (200, true)], Fixture.Requests(Services.Auth0, "GET").Select(r => (r.Status, r.Served)));
    }

    [Fact]
    public async Task A_POST_answered_500_is_not_sent_again()
    {
        var client = Fixture.ScalekitContext().Client;
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Scalekit, Method = "POST", Path = "/api/v1/organizations", Count = 1, Status = 500 });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.CreateOrganizationAsync("Acme", null, null, Operation.Silent()));

        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
        Assert.True(error.OutcomeUnknown);
        Assert.Single(Fixture.Requests(Services.Scalekit, "POST"), r => r.Path == "/api/v1/organizations");
    }

    [Fact]
    public async Task A_429_asking_for_an_hour_fails_at_once_and_says_when()
    {
        var client = Fixture.Auth0Context().Client;
        await client.ListConnectionsAsync([], _ => { }, Operation.Silent());
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/connections", Count = 1, Status = 429, RetryAfter = "3600" });
        Fixture.Host.RequestLog.Clear();
        var before = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListConnectionsAsync([], _ => { }, Operation.Silent()));

        Assert.Equal(ApiErrorKind.RateLimited, error.Kind);
        Assert.Single(Fixture.Requests(Services.Auth0, "GET"));
        Assert.InRange(error.RetryAt!.Value, before.AddSeconds(3600), DateTimeOffset.UtcNow.AddSeconds(3600));
        var at = error.RetryAt.Value.UtcDateTime;
        var clock = at.ToString(at.Date == DateTime.UtcNow.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"retry after 1 h (at {clock} UTC)", error.Message);
        var advice = ErrorRecords.RecommendedAction(error)!;
        Assert.Contains($"(at {clock} UTC)", advice);
        Assert.DoesNotContain("wait a minute", advice);
    }

    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(90, "2 min")]
    [InlineData(3600, "1 h")]
    [InlineData(5400, "1 h 30 min")]
    public void A_wait_is_said_in_the_unit_a_user_reads(int seconds, string said)
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 32, 0, TimeSpan.Zero);
        var at = now.AddSeconds(seconds);

        Assert.Equal($"{said} (at {at.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC)", RetryDelay.When(at, now));
    }

    [Fact]
    public void A_wait_past_midnight_names_the_day()
    {
        var now = new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("1 h (at 2026-12-02 00:30 UTC)", RetryDelay.When(now.AddHours(1), now));
    }
}
