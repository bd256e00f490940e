namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>
/// A request the emulated service refuses, carrying the answer it gets in that service's own
/// error shape. Handlers throw it from any depth; <see cref="ApiGroup"/> turns it into the answer.
/// </summary>
public sealed class ApiRefusal(IResult answer, string message) : Exception(message)
{
    public IResult Answer { get; } = answer;
}
