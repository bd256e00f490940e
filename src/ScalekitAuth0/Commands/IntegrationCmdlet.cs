using System;
using System.Management.Automation;

namespace ScalekitAuth0.Commands
{
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
