using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Forgets the Auth0 context (session) of the current runspace.",
        "Later commands fail with Auth0NotConnected until Connect-Auth0 runs again. Context objects returned by -PassThru keep working.")]
    [CmdletExample("Disconnect-Auth0", "Forgets the current Auth0 context.")]
    [Cmdlet(VerbsCommunications.Disconnect, "Auth0")]
    [OutputType(typeof(void))]
    public sealed class DisconnectAuth0Command : PSCmdlet
    {
        protected override void EndProcessing() => SessionStore.Auth0 = null;
    }
}
