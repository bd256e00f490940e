using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What every cmdlet that calls Auth0 or Scalekit shares: the two contexts, declared and chosen
    /// here and nowhere else, and client work run through <see cref="PipelineWork"/>.
    /// </summary>
    public abstract class ScalekitAuth0Cmdlet : PSCmdlet
    {
        private SessionContexts? _session;
        private Thread? _pipelineThread;
        private Auth0Context? _auth0;
        private ScalekitContext? _scalekit;

        private protected ScalekitAuth0Cmdlet()
        {
            Work = new PipelineWork(this);
        }

        [Parameter(HelpMessage = "The Auth0 context (session from Connect-Auth0) to use, as Connect-Auth0 -PassThru returns it. Default: the current runspace's.")]
        public Auth0Context? Auth0Context { get; set; }

        [Parameter(HelpMessage = "The Scalekit context (session from Connect-Scalekit) to use, as Connect-Scalekit -PassThru returns it. Default: the current runspace's.")]
        public ScalekitContext? ScalekitContext { get; set; }

        /// <summary>
        /// The Auth0 tenant this command works in, chosen on first use: a command that never needs
        /// Auth0 (Sync-ScalekitRedirectUri -CallbackUrl) works without Connect-Auth0.
        /// </summary>
        protected Auth0Context Auth0Tenant => _auth0 ??= Choose(Auth0Context, Session.Auth0, "Auth0");

        /// <summary>
        /// The Scalekit environment this command works in, chosen on first use: Add-HrdDomain without
        /// -Organization never touches Scalekit, so a runbook that only routes domains need not connect to it.
        /// </summary>
        protected ScalekitContext ScalekitEnvironment => _scalekit ??= Choose(ScalekitContext, Session.Scalekit, "Scalekit");

        private protected PipelineWork Work { get; }

        /// <summary>The runspace's contexts, read on the pipeline thread: client work runs where the runspace is not known.</summary>
        protected override void BeginProcessing()
        {
            _pipelineThread = Thread.CurrentThread;
            _session = SessionStore.Current;
        }

        protected override void StopProcessing() => Work.Stop();

        private protected T Run<T>(Func<Operation, Task<T>> work) => Work.Run(work);

        private protected void Run(Func<Operation, Task> work) => Work.Run(work);

        /// <summary>Lets client work hand output to the pipeline as it arrives (a page at a time).</summary>
        private protected static void Post(Operation operation, Action action) => PipelineWork.Post(operation, action);

        protected void Report(Exception error, object? target) => Work.Report(error, target);

        protected void ForEachInput(object? target, Action work) => Work.ForEachInput(target, work);

        protected PipelineStoppedException Terminate(Exception error, object? target) => Work.Terminate(error, target);

        private SessionContexts Session => _session ?? throw new InvalidOperationException("The contexts are read in BeginProcessing; a cmdlet that overrides it must call base.BeginProcessing().");

        /// <summary>
        /// The one place a command's context is chosen: the one given, else the runspace's. Not being
        /// connected stops the command, from whichever thread the context was first asked for.
        /// </summary>
        private TContext Choose<TContext>(TContext? given, TContext? current, string service) where TContext : class
        {
            if ((given ?? current) is TContext chosen)
            {
                return chosen;
            }
            var error = new ScalekitAuth0Exception(service + "NotConnected", ApiErrorKind.Unauthorized,
                $"There is no {service} context in this session.",
                $"Run Connect-{service} first, or pass -{service}Context with an object that Connect-{service} -PassThru returned.");
            throw Thread.CurrentThread == _pipelineThread ? Terminate(error, null) : error;
        }
    }
}
