namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>
/// What an emulator remembers, behind one lock: every request reads and writes it inside
/// <see cref="Locked{T}"/>, so concurrent requests see each other's writes whole or not at all.
/// </summary>
public abstract class LockedState
{
    private readonly object _gate = new();

    internal T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    internal void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}
