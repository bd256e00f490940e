using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>The Auth0 Management API and token endpoint (to be written).</summary>
public sealed class Auth0Emulator(SandboxContext sandbox) : IEmulator
{
    public string Service => Services.Auth0;

    public SandboxContext Sandbox { get; } = sandbox;

    public void Map(IEndpointRouteBuilder routes)
    {
    }

    public void Reset()
    {
    }
}
