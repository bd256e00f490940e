using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// How long to wait before the next attempt: the server's <c>Retry-After</c> (seconds or an HTTP
    /// date), else Auth0's <c>x-ratelimit-reset</c> (epoch seconds), else exponential backoff with
    /// jitter, as Auth0's and Scalekit's own SDKs do.
    /// </summary>
    internal static class RetryDelay
    {
        public static readonly TimeSpan BackoffBase = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(10);

        /// <summary>A server asking for longer than this is not waited for: the call fails and says when to retry.</summary>
        public static readonly TimeSpan LongestServerWait = TimeSpan.FromSeconds(60);

        public static TimeSpan? FromServer(HttpResponseHeaders headers, DateTimeOffset now)
        {
            var retryAfter = headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }
            if (retryAfter?.Date is DateTimeOffset date)
            {
                return Max(date - now, TimeSpan.Zero);
            }
            if (headers.TryGetValues("x-ratelimit-reset", out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochSeconds))
            {
                return Max(DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - now, TimeSpan.Zero);
            }
            return null;
        }

        /// <param name="retry">1 for the first retry.</param>
        /// <param name="jitter">A number in [0, 1): spreads retries of parallel runbooks apart.</param>
        public static TimeSpan Backoff(int retry, double jitter)
        {
            var exponential = BackoffBase.TotalMilliseconds * Math.Pow(2, retry - 1);
            var capped = Math.Min(exponential, BackoffCap.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * jitter));
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
