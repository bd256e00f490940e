using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What every cmdlet of the module shares: cancellation on Ctrl+C, running client calls off the
    /// pipeline thread while their messages reach the pipeline thread, the current contexts, and
    /// error records with stable ids.
    /// </summary>
    public abstract class ScalekitAuth0Cmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs client work on the thread pool and, meanwhile, carries its verbose and warning
        /// messages (and anything else it posts) to this thread: only the pipeline thread may write
        /// to PowerShell's streams.
        /// </summary>
        protected T Run<T>(Func<Operation, Task<T>> work)
        {
            using var pump = new PipelinePump(this);
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

        protected void Run(Func<Operation, Task> work) => Run(async operation =>
        {
            await work(operation).ConfigureAwait(false);
            return true;
        });

        /// <summary>Lets client work hand output to the pipeline as it arrives (a page at a time).</summary>
        protected static void Post(Operation operation, Action action) => ((PipelinePump)operation.Log).Post(action);

        protected Auth0Context ResolveAuth0Context(Auth0Context? given) =>
            given ?? SessionStore.Auth0 ?? throw Terminate(new ScalekitAuth0Exception("Auth0NotConnected", ApiErrorKind.Unauthorized,
                "There is no Auth0 connection in this session.",
                "Run Connect-Auth0 first, or pass -Auth0Context with an object that Connect-Auth0 -PassThru returned."), null);

        protected ScalekitContext ResolveScalekitContext(ScalekitContext? given) =>
            given ?? SessionStore.Scalekit ?? throw Terminate(new ScalekitAuth0Exception("ScalekitNotConnected", ApiErrorKind.Unauthorized,
                "There is no Scalekit connection in this session.",
                "Run Connect-Scalekit first, or pass -ScalekitContext with an object that Connect-Scalekit -PassThru returned."), null);

        /// <summary>
        /// Reports a failure for one input and lets the pipeline go on, unless the failure means no
        /// other input can succeed either (credentials refused, a scope missing, not connected).
        /// </summary>
        protected void Report(Exception error, object? target)
        {
            var record = ErrorRecords.For(error, target);
            if (ErrorRecords.StopsCommand(error))
            {
                ThrowTerminatingError(record);
            }
            WriteError(record);
        }

        /// <summary>Runs one input's work, reporting a module or API failure for that input only.</summary>
        protected void ForEachInput(object? target, Action work)
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

        protected PipelineStoppedException Terminate(Exception error, object? target)
        {
            ThrowTerminatingError(ErrorRecords.For(error, target));
            return new PipelineStoppedException();
        }

        protected static ScalekitAuth0Exception InvalidArgument(string errorId, string message, string recommendedAction) =>
            new ScalekitAuth0Exception(errorId, ApiErrorKind.BadRequest, message, recommendedAction);

        /// <summary>An email domain in its normal form, or the InvalidHrdDomain error that names the parameter and the input.</summary>
        protected static string NormalizeDomain(string domain, string parameterName)
        {
            try
            {
                return DomainName.Normalize(domain);
            }
            catch (ArgumentException e)
            {
                throw InvalidArgument("InvalidHrdDomain", $"-{parameterName} {e.Message}", "Give the part of an email address after the '@', such as 'acme.com'.");
            }
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
