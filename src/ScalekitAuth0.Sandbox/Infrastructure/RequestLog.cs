using System.Collections.Concurrent;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <param name="Served">
/// Whether the emulator handled the request (and so made any change it asked for). False when the
/// rate limit or an injected fault answered in its place, or the client gave up before it ran: the
/// status of a dropped request says nothing, so tests counting creates need this.
/// </param>
/// <param name="Authorization">Whether the request carried an Authorization header (its value is never kept).</param>
/// <param name="Cookie">Whether the request carried a Cookie header (its value is never kept).</param>
public sealed record LoggedRequest(string Service, string Method, string Path, string Query, int Status, string? Body, bool Served = true,
    bool Authorization = false, bool Cookie = false);

/// <summary>Every non-control request either service answered, in arrival order, for tests to assert on.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<long, LoggedRequest> _entries = new();
    private long _arrivals;

    /// <summary>
    /// A place in the log taken when the request arrives. The entry is written when the answer is
    /// known, which for an aborted request can be after the client's next request has arrived.
    /// </summary>
    public long Arrive() => Interlocked.Increment(ref _arrivals);

    public void Add(long arrival, LoggedRequest entry) => _entries[arrival] = entry;

    public IReadOnlyList<LoggedRequest> Snapshot() => _entries.ToArray().OrderBy(e => e.Key).Select(e => e.Value).ToList();

    public void Clear() => _entries.Clear();
}
