namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>One emulated service: its routes, its control routes under /_sandbox/, and a way back to its seeds.</summary>
public interface IEmulator
{
    string Service { get; }

    void Map(IEndpointRouteBuilder routes);

    /// <summary>This service's own control routes, mapped into the /_sandbox/ group on both ports.</summary>
    void MapControl(IEndpointRouteBuilder control)
    {
    }

    void Reset();
}
