using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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

        /// <summary>
        /// How the redirect-URI cmdlets change a Scalekit client: the plan is made from the list the
        /// server has now, -WhatIf and -Confirm stop before any write, and the write is read back.
        /// Null when the change was declined.
        /// </summary>
        private protected ScalekitRedirectUriResult? ChangeRedirectUris(ScalekitContext scalekit, string clientId, RedirectUriChange change)
        {
            var client = Run(operation => scalekit.Client.GetClientAsync(clientId, operation));
            var planned = ScalekitRedirectUriResult.Compare(client, change.ApplyTo(client.RedirectUris));
            if (!planned.Changed)
            {
                WriteVerbose($"Scalekit client {client.Id} already has the wanted redirect URIs in {client.RedirectUriField}; nothing to change.");
                return planned;
            }
            if (!ShouldProcess($"Scalekit client {client.Id} on {scalekit.EnvironmentUrl}", planned.Describe()))
            {
                return null;
            }
            var updated = Run(operation => scalekit.Client.ApplyRedirectUriChangeAsync(client, change, operation));
            return ScalekitRedirectUriResult.Compare(client, updated.RedirectUris);
        }

        protected static ScalekitAuth0Exception InvalidArgument(string errorId, string message, string recommendedAction) =>
            new ScalekitAuth0Exception(errorId, ApiErrorKind.BadRequest, message, recommendedAction);

        /// <summary>An email domain in its normal form, or the InvalidHrdDomain error that names the parameter and the input.</summary>
        protected static string NormalizeDomain(string domain, string parameterName)
        {
            try
            {
                return Auth0.DomainName.Normalize(domain);
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

    /// <summary>A cmdlet that talks to Auth0: -Auth0Context, or the session's.</summary>
    public abstract class Auth0Cmdlet : ScalekitAuth0Cmdlet
    {
        [Parameter(HelpMessage = "The Auth0 connection to use, from Connect-Auth0 -PassThru. Default: the current runspace's.")]
        public Auth0Context? Auth0Context { get; set; }

        /// <summary>Resolved on the pipeline thread before any input: client work runs elsewhere, where the runspace is not known.</summary>
        protected Auth0Context Auth0 => _auth0 ?? throw new InvalidOperationException("The Auth0 context is resolved in BeginProcessing.");

        protected override void BeginProcessing() => _auth0 = ResolveAuth0Context(Auth0Context);

        /// <summary>The connection named by -Id or else -Name (both bind from a piped connection).</summary>
        protected Auth0.Auth0Connection RequireConnection(string? id, string? name)
        {
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(name))
            {
                throw InvalidArgument("ConnectionNotSpecified", "No connection was given.", "Pass -Name or -Id, or pipe a connection from Get-ScalekitConnection.");
            }
            return Run(operation => Auth0.Client.RequireConnectionAsync(id, name, operation));
        }

        /// <summary>
        /// Application names or client ids resolved in one listing; null, after an error record for
        /// each input that names no single application, when any of them failed: the caller then
        /// writes nothing, so a typo never leaves a change half made.
        /// </summary>
        protected Auth0.ApplicationResolution? ResolveApplications(IEnumerable<string> namesOrIds)
        {
            var resolution = Run(operation => Auth0.Client.ResolveApplicationsAsync(namesOrIds, operation));
            foreach (var failure in resolution.Failures)
            {
                Report(failure.Error, failure.Input);
            }
            return resolution.Failures.Count == 0 ? resolution : null;
        }

        /// <summary>
        /// Turns the connection on or off for the applications (Enable-/Disable-ScalekitConnection and
        /// New-ScalekitConnection -EnabledClient share it), writing only the statuses that differ.
        /// Returns the enabled client ids afterwards, or null when -WhatIf or the user kept it from writing.
        /// </summary>
        protected string[]? SetEnabledClients(Auth0.Auth0Connection connection, IReadOnlyList<Auth0.Auth0Application> applications, bool enable)
        {
            var change = Run(operation => Auth0.Client.PlanEnabledClientsAsync(connection.Id, applications, enable, operation));
            if (change.IsEmpty)
            {
                WriteVerbose($"Connection '{connection.Name}' is already {(enable ? "enabled" : "disabled")} for the {applications.Count} application(s) given; nothing to change.");
                return change.EnabledAfter;
            }
            if (!ShouldProcess($"Auth0 connection '{connection.Name}' ({connection.Id}) on {Auth0.Domain}", change.Describe()))
            {
                return null;
            }
            Run(operation => Auth0.Client.ApplyEnabledClientsAsync(change, operation));
            return change.EnabledAfter;
        }

        private Auth0Context? _auth0;
    }

    /// <summary>A cmdlet that talks to Scalekit: -ScalekitContext, or the session's.</summary>
    public abstract class ScalekitCmdlet : ScalekitAuth0Cmdlet
    {
        [Parameter(HelpMessage = "The Scalekit connection to use, from Connect-Scalekit -PassThru. Default: the current runspace's.")]
        public ScalekitContext? ScalekitContext { get; set; }

        /// <summary>Resolved on the pipeline thread before any input: client work runs elsewhere, where the runspace is not known.</summary>
        protected ScalekitContext Scalekit => _scalekit ?? throw new InvalidOperationException("The Scalekit context is resolved in BeginProcessing.");

        protected override void BeginProcessing() => _scalekit = ResolveScalekitContext(ScalekitContext);

        private ScalekitContext? _scalekit;
    }

    /// <summary>A cmdlet that works on both sides of the integration.</summary>
    public abstract class IntegrationCmdlet : Auth0Cmdlet
    {
        [Parameter(HelpMessage = "The Scalekit connection to use, from Connect-Scalekit -PassThru. Default: the current runspace's.")]
        public ScalekitContext? ScalekitContext { get; set; }

        protected ScalekitContext Scalekit => _scalekit ?? throw new InvalidOperationException("The Scalekit context is resolved in BeginProcessing.");

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _scalekit = ResolveScalekitContext(ScalekitContext);
        }

        private ScalekitContext? _scalekit;
    }
}
