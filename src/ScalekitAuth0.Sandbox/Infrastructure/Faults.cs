namespace ScalekitAuth0.Sandbox.Infrastructure;

public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.Status"/> and the service's own error body.</summary>
    Status,
    /// <summary>Abort the connection without an answer.</summary>
    Drop,
    /// <summary>Wait <see cref="FaultRule.DelayMs"/>, then serve normally.</summary>
    Delay,
    /// <summary>Serve normally but cut the JSON body in half.</summary>
    Malformed,
    /// <summary>Serve normally, then abort: the write happened but the client never hears of it.</summary>
    After,
    /// <summary>Answer <see cref="FaultRule.Status"/> (a 3xx) with <see cref="FaultRule.Location"/>, or with no Location when it is null: a login page gone wrong.</summary>
    Redirect,
}

public sealed class FaultRule
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string Service { get; init; } = Services.Auth0;
    public string? Method { get; init; }
    public string Path { get; init; } = "/";
    /// <summary>How many matching requests the rule hits before it is spent; null hits all.</summary>
    public int? Count { get; set; }
    public FaultKind Kind { get; init; } = FaultKind.Status;
    public int Status { get; init; } = 503;
    public string? RetryAfter { get; init; }
    /// <summary>Epoch seconds, or "+N" for now plus N seconds.</summary>
    public string? RateLimitReset { get; init; }
    public int DelayMs { get; init; }
    /// <summary>Where a <see cref="FaultKind.Redirect"/> sends the client, as the Location header says it.</summary>
    public string? Location { get; init; }

    internal bool Matches(string service, string method, string path) =>
        Service == service
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(Path, StringComparison.Ordinal);
}

/// <summary>The fault rules a test has set; the first live rule matching a request fires and is used up by one.</summary>
public sealed class FaultRules
{
    private readonly List<FaultRule> _rules = new();
    private readonly object _gate = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public FaultRule? Take(string service, string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Matches(service, method, path) && r.Count is null or > 0);
            if (rule?.Count is int left)
            {
                rule.Count = left - 1;
            }
            return rule;
        }
    }
}
