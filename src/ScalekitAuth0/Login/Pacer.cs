using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ScalekitAuth0.Login
{
    /// <summary>Lets one caller through per interval; the first at once.</summary>
    internal sealed class Pacer
    {
        private readonly TimeSpan _interval;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _last;

        public Pacer(TimeSpan interval)
        {
            _interval = interval;
        }

        public async Task WaitAsync(CancellationToken cancellation)
        {
            TimeSpan wait;
            lock (_clock)
            {
                var now = _clock.Elapsed;
                var next = _last is TimeSpan last ? last + _interval : now;
                wait = next > now ? next - now : TimeSpan.Zero;
                _last = next > now ? next : now;
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
        }
    }
}
