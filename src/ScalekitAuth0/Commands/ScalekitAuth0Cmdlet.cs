using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
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
        private bool _warnedOfHiddenOptions;

        private protected ScalekitAuth0Cmdlet()
        {
            Work = new PipelineWork(this);
        }

        [Parameter(HelpMessage = "The Auth0 context (session from Connect-Auth0) to use, as Connect-Auth0 -PassThru returns it. Default: the piped object's, else the current runspace's.")]
        public Auth0Context? Auth0Context { get; set; }

        [Parameter(HelpMessage = "The Scalekit context (session from Connect-Scalekit) to use, as Connect-Scalekit -PassThru returns it. Default: the piped object's, else the current runspace's.")]
        public ScalekitContext? ScalekitContext { get; set; }

        /// <summary>The tenant a piped object was read from: binds from its TenantContext, never typed by a user.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true, HelpMessage = "Binds from a piped object's TenantContext: the Auth0 tenant it was read from.")]
        public Auth0Context? TenantContext { get; set; }

        /// <summary>The environment a piped object was read from: binds from its EnvironmentContext, never typed by a user.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true, HelpMessage = "Binds from a piped object's EnvironmentContext: the Scalekit environment it was read from.")]
        public ScalekitContext? EnvironmentContext { get; set; }

        /// <summary>
        /// The Auth0 tenant this command works in, chosen on first use: a command that never needs
        /// Auth0 (Sync-ScalekitRedirectUri -CallbackUrl) works without Connect-Auth0.
        /// </summary>
        protected Auth0Context Auth0Tenant => _auth0 = Auth0TenantAtHand ?? throw NotConnected("Auth0");

        /// <summary>The Auth0 tenant, or null when none is given, piped or connected: a warning about Auth0 can do without one.</summary>
        private protected Auth0Context? Auth0TenantAtHand =>
            _auth0 = Choose(_auth0, Auth0Context, OwnAuth0Context, Session.Auth0, tenant => tenant.Domain, "Auth0", "tenant");

        /// <summary>
        /// The Scalekit environment this command works in, chosen on first use: Add-HrdDomain without
        /// -Organization never touches Scalekit, so a runbook that only routes domains need not connect to it.
        /// </summary>
        protected ScalekitContext ScalekitEnvironment => _scalekit = ScalekitEnvironmentAtHand ?? throw NotConnected("Scalekit");

        /// <summary>The Scalekit environment, or null when none is given, piped or connected: deciding whether a connection points at Scalekit can do without one.</summary>
        private protected ScalekitContext? ScalekitEnvironmentAtHand =>
            _scalekit = Choose(_scalekit, ScalekitContext, OwnScalekitContext, Session.Scalekit, environment => environment.EnvironmentUrl, "Scalekit", "environment");

        /// <summary>
        /// The seam for an input's own context: the tenant the piped object (or, in a cmdlet that takes
        /// one as a parameter, the object given) was read from. It wins over the runspace's.
        /// </summary>
        private protected virtual Auth0Context? OwnAuth0Context => TenantContext;

        /// <summary>The environment the piped object (or the object given) was read from.</summary>
        private protected virtual ScalekitContext? OwnScalekitContext => EnvironmentContext;

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

        /// <summary>
        /// Runs one input's work, reporting a failure for that input only. An input whose own context
        /// is not the one this command works in fails here, before any of its work is done.
        /// </summary>
        protected void ForEachInput(object? target, Action work) => Work.ForEachInput(target, () =>
        {
            KeepOwnContexts();
            work();
        });

        protected PipelineStoppedException Terminate(Exception error, object? target) => Work.Terminate(error, target);

        /// <summary>
        /// Settles the contexts a piped object brings, now, while it is bound: a command that writes
        /// at the end of the pipeline must write where the objects came from, and refuse a mix.
        /// </summary>
        private protected void KeepOwnContexts()
        {
            if (OwnAuth0Context is not null)
            {
                _ = Auth0Tenant;
            }
            if (OwnScalekitContext is not null)
            {
                _ = ScalekitEnvironment;
            }
        }

        /// <summary>
        /// The rule of the cmdlets named for Scalekit: they change only a connection that points at the
        /// Scalekit environment at hand (or, with none, one New-ScalekitConnection marked); -Force overrides.
        /// </summary>
        private protected void RequirePointsAtScalekit(Auth0Connection connection, bool force)
        {
            if (ScalekitOwnership.Refusal(connection, ScalekitEnvironmentAtHand?.EnvironmentUrl) is ScalekitAuth0Exception refusal)
            {
                if (!force)
                {
                    throw refusal;
                }
                WriteVerbose($"-Force: changing connection '{connection.Name}' although it does not point at Scalekit.");
            }
        }

        /// <summary>
        /// Hidden is not empty: Auth0 leaves a connection's options out for a token without
        /// read:connections_options, and its domains, issuer and client id would otherwise read as none.
        /// Warns once per command.
        /// </summary>
        private protected void WarnIfOptionsHidden(Auth0Connection connection)
        {
            if (connection.Options is not null || _warnedOfHiddenOptions)
            {
                return;
            }
            _warnedOfHiddenOptions = true;
            WriteWarning($"Auth0 returned connection '{connection.Name}' without its options: the token lacks the read:connections_options scope. Its HrdDomains, Issuer and ClientId are hidden, not empty. Grant the scope to the Auth0 application, then run Connect-Auth0 again.");
        }

        private SessionContexts Session => _session ?? throw new InvalidOperationException("The contexts are read in BeginProcessing; a cmdlet that overrides it must call base.BeginProcessing().");

        /// <summary>
        /// The one place a command's context is chosen: the one given, else the input's own, else the
        /// runspace's, kept for the rest of the command; null when there is none. A context given for another tenant than the input's,
        /// or an input from another tenant than the one the command already works in, is ContextMismatch.
        /// </summary>
        private static TContext? Choose<TContext>(TContext? settled, TContext? given, TContext? own, TContext? current,
            Func<TContext, string> describe, string service, string place) where TContext : class
        {
            if (given is not null && own is not null && describe(given) != describe(own))
            {
                throw Mismatch(service, place, $"-{service}Context is for the {service} {place} {describe(given)}, but the object piped in was read from {describe(own)}.",
                    $"Leave -{service}Context out (the object's own {place} is used), or pass the context of {describe(own)}.");
            }
            if (settled is null)
            {
                return given ?? own ?? current;
            }
            // Without a context of its own, an input goes where the command already works.
            var chosen = given ?? own;
            if (chosen is not null && describe(chosen) != describe(settled))
            {
                throw Mismatch(service, place, $"This command already works in the {service} {place} {describe(settled)}; the object piped in was read from {describe(chosen)}.",
                    $"Pipe the objects of each {place} into a command of their own.");
            }
            return settled;
        }

        private static ScalekitAuth0Exception Mismatch(string service, string place, string message, string advice) =>
            new ScalekitAuth0Exception("ContextMismatch", ApiErrorKind.BadRequest, message + $" Nothing was written to either {place}.", advice);

        /// <summary>Not being connected stops the command, from whichever thread the context was first asked for.</summary>
        private Exception NotConnected(string service)
        {
            var error = new ScalekitAuth0Exception(service + "NotConnected", ApiErrorKind.Unauthorized,
                $"There is no {service} context in this session.",
                $"Run Connect-{service} first, or pass -{service}Context with an object that Connect-{service} -PassThru returned.");
            return Thread.CurrentThread == _pipelineThread ? Terminate(error, null) : error;
        }
    }
}
