using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Forgets the Scalekit context (session) of the current runspace.",
        "Later commands fail with ScalekitNotConnected until Connect-Scalekit runs again. Context objects returned by -PassThru keep working.")]
    [CmdletExample("Disconnect-Scalekit", "Forgets the current Scalekit context.")]
    [Cmdlet(VerbsCommunications.Disconnect, "Scalekit")]
    [OutputType(typeof(void))]
    public sealed class DisconnectScalekitCommand : PSCmdlet
    {
        protected override void EndProcessing() => SessionStore.Scalekit = null;
    }
}
