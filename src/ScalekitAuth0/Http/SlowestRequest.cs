using System;
using System.Threading;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// The longest one request of a command took, from its first send to its last answer, waits for
    /// retries included. A service that was that slow for this command may be as slow for a concurrent
    /// writer: <see cref="CheckedWrite{T}"/> reads back no sooner than that after its write.
    /// </summary>
    internal sealed class SlowestRequest
    {
        private long _ticks;

        public TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        /// <remarks>Calls come from any thread.</remarks>
        public void Record(TimeSpan duration)
        {
            var ticks = duration.Ticks;
            for (var seen = Interlocked.Read(ref _ticks); ticks > seen; seen = Interlocked.Read(ref _ticks))
            {
                if (Interlocked.CompareExchange(ref _ticks, ticks, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}
