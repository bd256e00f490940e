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

        /// <summary>"1 h (at 10:32 UTC)", "45 s (at 09:47 UTC)": how long from <paramref name="now"/>, and the clock time, for a user deciding when to run again.</summary>
        public static string When(DateTimeOffset at, DateTimeOffset now)
        {
            var wait = Max(at - now, TimeSpan.Zero);
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            var span = seconds < 60 ? $"{seconds} s"
                : seconds < 3600 ? $"{(seconds + 59) / 60} min"
                : seconds % 3600 < 60 ? $"{seconds / 3600} h"
                : $"{seconds / 3600} h {(seconds % 3600 + 59) / 60} min";
            var utc = at.ToUniversalTime();
            var clock = utc.ToString(utc.Date == now.ToUniversalTime().Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return string.Format(CultureInfo.InvariantCulture, "{0} (at {1} UTC)", span, clock);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
