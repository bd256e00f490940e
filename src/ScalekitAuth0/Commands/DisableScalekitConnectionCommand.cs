using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Turns a connection off for Auth0 applications; their users can no longer sign in through it.",
        "Resolves each application by name or client id (an unknown name, or a name two applications share, is an error, and then nothing is written), reads which applications the connection is enabled for, and disables it for those of them only, through Auth0's connection clients endpoint in requests of at most 50 applications. Other applications keep their status. Running it again sends nothing.")]
    [CmdletExample("Disable-ScalekitConnection -Name scalekit -Application 'Other App'", "Stops users of 'Other App' from signing in through the connection scalekit; every other application keeps it.")]
    [CmdletExample("Disable-ScalekitConnection -Name scalekit -Application 'My App', 'Other App' -WhatIf", "Shows for which of the two applications the connection would be turned off, sending no write request.")]
    [Cmdlet(VerbsLifecycle.Disable, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class DisableScalekitConnectionCommand : ConnectionApplicationsCmdlet
    {
        protected override bool Enable => false;
    }
}
