using System.Management.Automation;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>Get-Auth0Context and Get-ScalekitContext: the runspace's context, or nothing (and no error) when not connected.</summary>
    public abstract class CurrentContextCmdlet<TContext> : PSCmdlet where TContext : class
    {
        private protected abstract TContext? Current(SessionContexts session);

        protected override void EndProcessing()
        {
            if (Current(SessionStore.Current) is TContext context)
            {
                WriteObject(context);
            }
        }
    }
}
