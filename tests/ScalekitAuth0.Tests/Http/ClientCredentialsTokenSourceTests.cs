using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

/// <summary>
/// When a cached token is fetched anew, counted in the sandbox's token requests. The token source
/// reads a clock the test steps, so nothing here depends on how fast the machine is.
/// </summary>
public sealed class ClientCredentialsTokenSourceTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    private DateTimeOffset _now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private ClientCredentialsTokenSource Tokens()
    {
        var transport = new ApiTransport("Auth0", new Uri(Fixture.Host.Auth0Url + "/"), TransportSettings.Default);
        var tokens = new ClientCredentialsTokenSource(transport, Fixture.Host.Auth0ClientId, Secret.Protect(Fixture.Host.Auth0ClientSecret),
            Fixture.Host.Auth0Url + "/api/v2/", () => _now);
        transport.Tokens = tokens;
        return tokens;
    }

    private int TokenRequests() => Fixture.Requests(Services.Auth0, "POST").Count(r => r.Path == "/oauth/token");

    private async Task<int> TokenRequestsAtAsync(ClientCredentialsTokenSource tokens, double secondsLater)
    {
        _now = _now.AddSeconds(secondsLater);
        await tokens.GetTokenAsync(Operation.Silent());
        return TokenRequests();
    }

    [Fact]
    public async Task A_5_second_token_is_used_for_half_its_life_not_fetched_before_every_call()
    {
        await Fixture.ControlAsync(HttpMethod.Put, "/_sandbox/token-lifetime", new { service = Services.Auth0, seconds = 5 });
        var tokens = Tokens();

        Assert.Equal(1, await TokenRequestsAtAsync(tokens, 0));
        Assert.Equal(1, await TokenRequestsAtAsync(tokens, 1));
        Assert.Equal(1, await TokenRequestsAtAsync(tokens, 1.4));
        Assert.Equal(2, await TokenRequestsAtAsync(tokens, 0.2));
        Assert.Equal(2, await TokenRequestsAtAsync(tokens, 2.4));
        Assert.Equal(3, await TokenRequestsAtAsync(tokens, 0.2));
    }

    [Fact]
    public async Task A_day_long_token_is_fetched_anew_a_minute_before_it_expires()
    {
        var tokens = Tokens();

        Assert.Equal(1, await TokenRequestsAtAsync(tokens, 0));
        Assert.Equal(1, await TokenRequestsAtAsync(tokens, 86400 - 61));
        Assert.Equal(2, await TokenRequestsAtAsync(tokens, 2));
    }
}
