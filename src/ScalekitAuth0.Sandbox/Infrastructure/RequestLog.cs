using System.Collections.Concurrent;

namespace ScalekitAuth0.Sandbox.Infrastructure;

public sealed record LoggedRequest(string Service, string Method, string Path, string Query, int Status, string? Body);

/// <summary>Every non-control request either service answered, in arrival order, for tests to assert on.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();

    public void Add(LoggedRequest entry) => _entries.Enqueue(entry);

    public IReadOnlyList<LoggedRequest> Snapshot() => _entries.ToArray();

    public void Clear() => _entries.Clear();
}
