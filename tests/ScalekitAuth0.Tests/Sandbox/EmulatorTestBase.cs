using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>A sandbox fixture that can get a token of the seeded client of the service it speaks to.</summary>
public interface ISeededToken
{
    Task<string> TokenAsync();
}

/// <summary>
/// The base of both emulators' behaviour tests: one sandbox per class, back to its seeds before each
/// test, with a fresh token of the seeded client ready in <see cref="Token"/>.
/// </summary>
public abstract class EmulatorTestBase<TFixture>(TFixture sandbox) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : InProcessSandbox, ISeededToken
{
    protected TFixture Sandbox { get; } = sandbox;

    protected string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        Token = await Sandbox.TokenAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
