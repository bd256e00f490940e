using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// The one write-then-verify loop, for whole-object writes the API offers no conditional form of
    /// (an Auth0 connection's options, a Scalekit client's redirect URIs): the change is merged onto
    /// the object as read and written, the object is read back, and while the change is missing (a
    /// concurrent writer replaced the object with its own copy) it is merged onto what was read and
    /// written again, at most <see cref="MaxWrites"/> times.
    /// </summary>
    /// <typeparam name="T">The object as the API returns it.</typeparam>
    internal sealed class CheckedWrite<T>
    {
        private readonly Func<T, Operation, Task> _write;
        private readonly Func<Operation, Task<T>> _readBack;
        private readonly Func<T, bool> _holds;
        private readonly Func<T, Exception> _gaveUp;

        /// <param name="write">Merges the change onto the object given (as last read) and writes it.</param>
        /// <param name="readBack">Reads the object again.</param>
        /// <param name="holds">Whether the object read back shows the change.</param>
        /// <param name="gaveUp">The error when the change is still missing after the last write.</param>
        public CheckedWrite(Func<T, Operation, Task> write, Func<Operation, Task<T>> readBack, Func<T, bool> holds, Func<T, Exception> gaveUp)
        {
            _write = write;
            _readBack = readBack;
            _holds = holds;
            _gaveUp = gaveUp;
        }

        public int MaxWrites { get; set; } = 3;

        /// <summary>How long to wait before reading back, given how long the write took; no wait unless set.</summary>
        public Func<TimeSpan, TimeSpan> SettleTime { get; set; } = _ => TimeSpan.Zero;

        /// <summary>Said after each write, with the object it was merged onto and the wait before the read-back.</summary>
        public Action<T, TimeSpan, IOperationLog>? Written { get; set; }

        /// <summary>Said when the change is missing after the write of that number and is about to be merged again.</summary>
        public Action<T, int, IOperationLog>? Lost { get; set; }

        /// <returns>The object as last read back, showing the change.</returns>
        public async Task<T> RunAsync(T read, Operation operation)
        {
            var current = read;
            for (var write = 1; ; write++)
            {
                var writing = Stopwatch.StartNew();
                await _write(current, operation).ConfigureAwait(false);
                var settle = SettleTime(writing.Elapsed);
                Written?.Invoke(current, settle, operation.Log);
                if (settle > TimeSpan.Zero)
                {
                    await Task.Delay(settle, operation.Cancellation).ConfigureAwait(false);
                }
                current = await _readBack(operation).ConfigureAwait(false);
                if (_holds(current))
                {
                    return current;
                }
                if (write == MaxWrites)
                {
                    throw _gaveUp(current);
                }
                Lost?.Invoke(current, write, operation.Log);
            }
        }
    }
}
