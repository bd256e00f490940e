using System;
using System.Management.Automation;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What Connect-Auth0 and Connect-Scalekit share: build a context, get a token at once so bad
    /// credentials fail here rather than mid-script, keep the context for this runspace.
    /// </summary>
    public abstract class ConnectCmdlet<TContext> : PSCmdlet where TContext : class
    {
        private readonly PipelineWork _work;

        private protected ConnectCmdlet()
        {
            _work = new PipelineWork(this);
        }

        protected const string ClientSecretSet = "ClientSecret";
        protected const string CredentialSet = "Credential";

        [Parameter(HelpMessage = "Seconds to wait for each HTTP answer before giving up (retries aside). Default: 100.")]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter(HelpMessage = "Writes the connection context to the pipeline, for use with -Auth0Context or -ScalekitContext.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>"Auth0" or "Scalekit", as in error ids.</summary>
        protected abstract string Service { get; }

        /// <summary>"an Auth0", "a Scalekit".</summary>
        private string Article => "AEIOU".IndexOf(Service[0]) >= 0 ? "an" : "a";

        /// <summary>What the user named as the service's address.</summary>
        protected abstract string? Address { get; }

        /// <summary>The address as error records show it: without user info, which may be a pasted secret.</summary>
        private string? ShownAddress => ServiceUri.Shown(Address);

        protected abstract string CredentialAdvice { get; }

        private protected abstract TContext CreateContext(TransportSettings settings);

        private protected abstract ITokenSource TokensOf(TContext context);

        protected abstract void Store(TContext context);

        protected override void StopProcessing() => _work.Stop();

        private protected void Run(Func<Operation, System.Threading.Tasks.Task> work) => _work.Run(work);

        /// <summary>Checks to make once the token is in hand.</summary>
        protected virtual void Connected(TContext context)
        {
        }

        protected sealed override void EndProcessing()
        {
            try
            {
                var context = CreateContext(new TransportSettings { RequestTimeout = TimeSpan.FromSeconds(TimeoutSec) });
                _work.Run(operation => TokensOf(context).GetTokenAsync(operation));
                Connected(context);
                Store(context);
                if (PassThru)
                {
                    WriteObject(context);
                }
            }
            catch (ApiException e)
            {
                var refused = e.Kind == ApiErrorKind.Unauthorized || e.Kind == ApiErrorKind.Forbidden || e.Kind == ApiErrorKind.BadRequest;
                throw _work.Terminate(new ScalekitAuth0Exception(Service + (refused ? "CredentialsRefused" : "Unreachable"), e.Kind,
                    $"Could not get {Article} {Service} token: {e.Message}", refused ? CredentialAdvice : ErrorRecords.RecommendedAction(e) ?? CredentialAdvice, e), ShownAddress);
            }
            catch (ScalekitAuth0Exception e)
            {
                throw _work.Terminate(e, ShownAddress);
            }
        }

        /// <summary>The service's base address, or an error that says which parameter is wrong and why.</summary>
        protected Uri ParseAddress(string value, string parameterName, string example)
        {
            try
            {
                return ServiceUri.Parse(value, parameterName);
            }
            catch (ArgumentException e)
            {
                throw ScalekitAuth0Exception.InvalidArgument($"Invalid{Service}{parameterName}", e.Message, $"Give {example}.");
            }
        }
    }
}
