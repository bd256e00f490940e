using System;

namespace ScalekitAuth0.Http
{
    /// <summary>The one source of jitter: spreads apart the retries and read-backs of runbooks that run at the same time.</summary>
    internal static class Jitter
    {
        private static readonly Random Random = new Random();

        /// <summary>A number in [0, 1). Random is not thread-safe, and calls come from any thread.</summary>
        public static double Next()
        {
            lock (Random)
            {
                return Random.NextDouble();
            }
        }
    }
}
