using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// How a cmdlet runs client work and reports its failures: the work runs on the thread pool, its
    /// verbose and warning messages (and anything else it posts) reach the pipeline thread, the only
    /// one that may write to PowerShell's streams, and Ctrl+C cancels the HTTP call in flight.
    /// </summary>
    internal sealed class PipelineWork
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        public PipelineWork(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>For the cmdlet's StopProcessing.</summary>
        public void Stop() => _stopping.Cancel();

        public T Run<T>(Func<Operation, Task<T>> work)
        {
            using var pump = new PipelinePump(_cmdlet);
            var operation = new Operation(pump, _stopping.Token);
            var task = Task.Run(() => work(operation));
            task.ContinueWith(_ => pump.Complete(), TaskScheduler.Default);
            pump.DrainUntilComplete();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        public void Run(Func<Operation, Task> work) => Run(async operation =>
        {
            await work(operation).ConfigureAwait(false);
            return true;
        });

        /// <summary>Lets client work hand output to the pipeline as it arrives (a page at a time).</summary>
        public static void Post(Operation operation, Action action) => ((PipelinePump)operation.Log).Post(action);

        /// <summary>
        /// Runs client work that reports how far it is (done, total), with a progress bar on the
        /// pipeline thread that costs nothing when nobody sees it.
        /// </summary>
        public T RunWithProgress<T>(string activity, string unit, Func<Operation, Action<int, int>, Task<T>> work)
        {
            var progress = new ThrottledProgress(_cmdlet, 1, activity);
            try
            {
                return Run(operation => work(operation, (done, total) =>
                {
                    if (progress.IsDue())
                    {
                        Post(operation, () => progress.Write(done, total, $"{done} of {total} {unit}"));
                    }
                }));
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>
        /// Reports a failure for one input and lets the pipeline go on, unless the failure means no
        /// other input can succeed either (credentials refused, a scope missing, not connected).
        /// </summary>
        public void Report(Exception error, object? target)
        {
            var record = ErrorRecords.For(error, target);
            if (ErrorRecords.StopsCommand(error))
            {
                _cmdlet.ThrowTerminatingError(record);
            }
            _cmdlet.WriteError(record);
        }

        /// <summary>Runs one input's work, reporting a module or API failure for that input only.</summary>
        public void ForEachInput(object? target, Action work)
        {
            try
            {
                work();
            }
            catch (Exception e) when (e is ApiException || e is ScalekitAuth0Exception)
            {
                Report(e, target);
            }
        }

        public PipelineStoppedException Terminate(Exception error, object? target)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.For(error, target));
            return new PipelineStoppedException();
        }

        private sealed class PipelinePump : IOperationLog, IDisposable
        {
            private readonly BlockingCollection<Action> _actions = new BlockingCollection<Action>();
            private readonly Cmdlet _cmdlet;

            public PipelinePump(Cmdlet cmdlet)
            {
                _cmdlet = cmdlet;
            }

            public void Verbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

            public void Warning(string message) => Post(() => _cmdlet.WriteWarning(message));

            public void Post(Action action)
            {
                try
                {
                    _actions.Add(action);
                }
                catch (InvalidOperationException)
                {
                    // The work has already finished; nobody is left to show this.
                }
            }

            public void Complete() => _actions.CompleteAdding();

            public void DrainUntilComplete()
            {
                foreach (var action in _actions.GetConsumingEnumerable())
                {
                    action();
                }
            }

            public void Dispose() => _actions.Dispose();
        }
    }
}
