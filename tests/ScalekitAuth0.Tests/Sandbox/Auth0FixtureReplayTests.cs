using ScalekitAuth0.Tests.Fixtures;
using ScalekitAuth0.Tests.Sandbox.Auth0;
using Xunit;
using Xunit.Abstractions;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>
/// Fidelity: every recorded Auth0 exchange under shared/fixtures/auth0 (connections, connection
/// clients, clients, custom domains, the token call) replayed against the sandbox, one test per
/// cassette. What is skipped or tolerated, and why, is in <see cref="Auth0Replay"/>; each test
/// prints its counts.
/// </summary>
public sealed class Auth0FixtureReplayTests(Auth0SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<Auth0SandboxFixture>
{
    public static TheoryData<string> Cassettes()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cassette.Under("auth0"))
        {
            data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cassettes))]
    public async Task Replays(string cassetteName)
    {
        var replay = new Auth0Replay(sandbox, Cassette.Load(Path.Combine(FixturePaths.Root, cassetteName)));
        await replay.RunAsync();
        output.WriteLine(replay.Summary());
        Assert.True(replay.Failures.Count == 0, string.Join('\n', replay.Failures));
        Assert.True(replay.Replayed > 0, "nothing replayed");
    }

    /// <summary>The 29 cassettes shared/fixtures/README.md lists; a wrong fixtures folder would otherwise pass with none.</summary>
    [Fact]
    public void FindsTheRecordings()
    {
        var count = Cassette.Under("auth0").Count();
        Assert.True(count >= 29, $"only {count} cassettes under {FixturePaths.Root}/auth0");
    }
}
