using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
using Xunit;

namespace ScalekitAuth0.Tests.Support;

/// <summary>Client tests over real HTTP against the in-process sandbox: one sandbox per class, back to its seeds before each test.</summary>
public abstract class SandboxClientTest(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    protected ModuleSandboxFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The connection New-ScalekitConnection would create from the sandbox's Scalekit environment.</summary>
    private protected async Task<Auth0Connection> CreateScalekitConnectionAsync(Auth0Client client, string name, params string[] domains)
    {
        var scalekit = Fixture.ScalekitContext();
        var spec = new ScalekitConnectionSpec(name, scalekit.EnvironmentUrl, await scalekit.Client.GetDiscoveryAsync(Operation.Silent()), scalekit.ClientId, Secret.Protect("scalekit-secret"))
        {
            HrdDomains = domains,
        };
        return await client.CreateConnectionAsync(spec.CreateBody(), Operation.Silent());
    }
}
