using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    /// <summary>What every <see cref="CheckedWrite{T}"/> shares, whatever it writes.</summary>
    internal static class CheckedWrite
    {
        /// <summary>The base of every checked write's settle window; settable for tests that race many rounds.</summary>
        internal static TimeSpan DefaultSettleBase { get; set; } = TimeSpan.FromMilliseconds(500);
    }

    /// <summary>
    /// The one write-then-verify loop, for whole-object writes the API offers no conditional form of
    /// (an Auth0 connection's options, a Scalekit client's redirect URIs). Under the object's
    /// <see cref="WriteLock"/> it reads the object, merges the change onto it and writes it, waits a
    /// settle window, and reads it back; while the change is missing (a writer the lock does not reach
    /// replaced the object with its own copy) it merges again onto what it read and writes again, at
    /// most <see cref="MaxWrites"/> times. A write the transport hands back (a 429, a 5xx, a lost
    /// answer: <see cref="ApiException.RetryAfter"/>) is never re-sent as it was: after the wait the
    /// object is read and merged again.
    /// </summary>
    /// <remarks>
    /// The settle window: a writer that read before our write lands its write within the time between
    /// its own read and write, so reading back later than that shows what it dropped. That time is
    /// about one request, so the window is a base, plus the slowest request this command saw (its waits
    /// included: a service slow or rate-limited for us is so for the other writer too), plus jitter so
    /// writers do not move in lockstep. A writer whose read-to-write gap is longer still (its request
    /// stalled far longer than any of ours) can overwrite us after our check: on one machine the lock
    /// keeps it out; across machines only a conditional write, which the APIs do not offer, could.
    /// </remarks>
    /// <typeparam name="T">The object as the API returns it.</typeparam>
    internal sealed class CheckedWrite<T>
    {
        private readonly string _lockKey;
        private readonly string _what;
        private readonly Func<Operation, Task<T>> _read;
        private readonly Func<T, Operation, Task> _write;
        private readonly Func<T, bool> _holds;
        private readonly Func<T, Exception> _gaveUp;

        /// <param name="lockKey">The service, the tenant and the object (see <see cref="WriteLock.AcquireAsync"/>).</param>
        /// <param name="what">The object, as messages name it.</param>
        /// <param name="read">Reads the object.</param>
        /// <param name="write">Merges the change onto the object given (as last read) and writes it.</param>
        /// <param name="holds">Whether the object read shows the change.</param>
        /// <param name="gaveUp">The error when the change is still missing after the last write.</param>
        public CheckedWrite(string lockKey, string what, Func<Operation, Task<T>> read, Func<T, Operation, Task> write, Func<T, bool> holds, Func<T, Exception> gaveUp)
        {
            _lockKey = lockKey;
            _what = what;
            _read = read;
            _write = write;
            _holds = holds;
            _gaveUp = gaveUp;
        }

        public int MaxWrites { get; set; } = 5;

        public TimeSpan SettleBase { get; set; } = CheckedWrite.DefaultSettleBase;

        /// <returns>The object as last read, showing the change.</returns>
        public async Task<T> RunAsync(Operation operation)
        {
            var log = operation.Log;
            using (await WriteLock.AcquireAsync(_lockKey, _what, operation).ConfigureAwait(false))
            {
                var current = await _read(operation).ConfigureAwait(false);
                for (var write = 1; !_holds(current); write++)
                {
                    if (write > MaxWrites)
                    {
                        throw _gaveUp(current);
                    }
                    var writing = Stopwatch.StartNew();
                    try
                    {
                        await _write(current, operation).ConfigureAwait(false);
                    }
                    catch (ApiException e) when (e.RetryAfter is TimeSpan wait && write < MaxWrites)
                    {
                        log.Verbose(string.Format(CultureInfo.InvariantCulture, "Write {0} of {1} was not made ({2}); reading it again in {3:0.00} s to merge the change onto what is there then.",
                            write, _what, e.Message, wait.TotalSeconds));
                        await Task.Delay(wait, operation.Cancellation).ConfigureAwait(false);
                        operation.Slowest.Record(writing.Elapsed);
                        current = await _read(operation).ConfigureAwait(false);
                        continue;
                    }
                    var settle = SettleTime(operation.Slowest.Duration);
                    log.Verbose(string.Format(CultureInfo.InvariantCulture, "Wrote {0}; reading it back in {1:0.00} s to check that no concurrent writer dropped the change.", _what, settle.TotalSeconds));
                    await Task.Delay(settle, operation.Cancellation).ConfigureAwait(false);
                    current = await _read(operation).ConfigureAwait(false);
                    if (!_holds(current) && write < MaxWrites)
                    {
                        log.Verbose($"A concurrent writer changed {_what} and dropped part of this change; merging it again (write {write + 1} of at most {MaxWrites}).");
                    }
                }
                return current;
            }
        }

        private TimeSpan SettleTime(TimeSpan slowest) =>
            SettleBase + slowest + TimeSpan.FromMilliseconds(SettleBase.TotalMilliseconds / 2 * Jitter.Next());
    }
}
