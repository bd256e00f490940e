using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>The Scalekit API, token and discovery endpoints (to be written).</summary>
public sealed class ScalekitEmulator(SandboxContext sandbox) : IEmulator
{
    public string Service => Services.Scalekit;

    public SandboxContext Sandbox { get; } = sandbox;

    public void Map(IEndpointRouteBuilder routes)
    {
    }

    public void Reset()
    {
    }
}
