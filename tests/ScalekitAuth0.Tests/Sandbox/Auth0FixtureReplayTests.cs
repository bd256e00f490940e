using ScalekitAuth0.Tests.Fixtures;
using ScalekitAuth0.Tests.Sandbox.Auth0;
using Xunit;
using Xunit.Abstractions;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>
/// Fidelity: every recorded Auth0 exchange under tests/Recordings/auth0 (connections, connection
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
        var replay = new Auth0Replay(sandbox, Cassette.Load(cassetteName));
        await replay.RunAsync();
        output.WriteLine(replay.Summary());
        Assert.True(replay.Failures.Count == 0, string.Join('\n', replay.Failures));
        Assert.True(replay.Replayed > 0, "nothing replayed");
    }

    /// <summary>
    /// The 29 cassettes tests/Recordings/README.md lists, 276 exchanges in all, each cassette numbered
    /// from 0 without a gap: a wrong folder, or a lost file, would otherwise replay less and still pass.
    /// </summary>
    [Fact]
    public void FindsTheRecordings()
    {
        var cassettes = Cassette.Under("auth0").Select(Cassette.Load).ToList();

        Assert.Equal(29, cassettes.Count);
        Assert.Equal(276, cassettes.Sum(c => c.Exchanges.Count));
        Assert.All(cassettes, c => Assert.Equal(Enumerable.Range(0, c.Exchanges.Count), c.Exchanges.Select(e => e.Source.Interaction ?? -1)));
    }
}
