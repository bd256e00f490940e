using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets the Auth0 connection of the current runspace.",
        "Shows which tenant the commands without -Auth0Context work in, as which machine-to-machine application, with which granted and missing scopes, and when the current token expires; never a secret or a token. Writes nothing, and no error, when Connect-Auth0 has not run (or Disconnect-Auth0 ran).")]
    [CmdletExample("Get-Auth0Context", "Shows the tenant, client id, scopes and token expiry of the current connection.")]
    [CmdletExample("if (-not (Get-Auth0Context)) { Connect-Auth0 }", "Connects only when not connected yet.")]
    [Cmdlet(VerbsCommon.Get, "Auth0Context")]
    [OutputType(typeof(Auth0Context))]
    public sealed class GetAuth0ContextCommand : CurrentContextCmdlet<Auth0Context>
    {
        private protected override Auth0Context? Current(SessionContexts session) => session.Auth0;
    }
}
