using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets the Scalekit connection of the current runspace.",
        "Shows which Scalekit environment the commands without -ScalekitContext work in, as which API client, with the scopes its token grants and when that token expires; never a secret or a token. Writes nothing, and no error, when Connect-Scalekit has not run (or Disconnect-Scalekit ran).")]
    [CmdletExample("Get-ScalekitContext", "Shows the environment, client id, scopes and token expiry of the current connection.")]
    [CmdletExample("if (-not (Get-ScalekitContext)) { Connect-Scalekit }", "Connects only when not connected yet.")]
    [Cmdlet(VerbsCommon.Get, "ScalekitContext")]
    [OutputType(typeof(ScalekitContext))]
    public sealed class GetScalekitContextCommand : CurrentContextCmdlet<ScalekitContext>
    {
        private protected override ScalekitContext? Current(SessionContexts session) => session.Scalekit;
    }
}
