namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>One resource of an emulated service (<c>*Endpoints</c>): the routes it answers, mapped where its emulator says.</summary>
public interface IEndpoints
{
    void Map(IEndpointRouteBuilder routes);
}
