using System;
using System.Management.Automation;

namespace ScalekitAuth0.Commands
{
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
}
