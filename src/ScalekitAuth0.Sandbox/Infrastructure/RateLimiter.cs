namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>
/// Auth0's limits are token buckets (a burst, refilled at a sustained rate); this is one bucket per
/// service, off until a test or the command line sets a rate.
/// </summary>
public sealed class RateLimiter
{
    private readonly Dictionary<string, Bucket> _buckets = new();
    private readonly object _gate = new();

    public void Set(string service, double perSecond, int burst)
    {
        lock (_gate)
        {
            if (perSecond <= 0)
            {
                _buckets.Remove(service);
                return;
            }
            _buckets[service] = new Bucket(perSecond, Math.Max(1, burst), DateTimeOffset.UtcNow);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    /// <summary>Takes one token; on refusal says when the next one will be there.</summary>
    public RateDecision TryTake(string service)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(service, out var bucket))
            {
                return RateDecision.Unlimited;
            }
            var now = DateTimeOffset.UtcNow;
            var tokens = Math.Min(bucket.Burst, bucket.Tokens + (now - bucket.LastRefill).TotalSeconds * bucket.PerSecond);
            var allowed = tokens >= 1;
            if (allowed)
            {
                tokens -= 1;
            }
            bucket.Tokens = tokens;
            bucket.LastRefill = now;
            var nextToken = now + TimeSpan.FromSeconds(allowed ? 0 : (1 - tokens) / bucket.PerSecond);
            return new RateDecision(allowed, bucket.Burst, (int)Math.Floor(tokens), nextToken);
        }
    }

    private sealed class Bucket(double perSecond, int burst, DateTimeOffset now)
    {
        public double PerSecond { get; } = perSecond;
        public int Burst { get; } = burst;
        public double Tokens { get; set; } = burst;
        public DateTimeOffset LastRefill { get; set; } = now;
    }
}

public sealed record RateDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset)
{
    public static RateDecision Unlimited { get; } = new(true, 0, 0, DateTimeOffset.MinValue);
}
