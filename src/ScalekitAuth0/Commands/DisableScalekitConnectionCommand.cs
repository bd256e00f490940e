using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Turns a connection off for Auth0 applications; their users can no longer sign in through it.",
        "Resolves each application by name or client id (an unknown name, or a name two applications share, is an error, and then nothing is written), reads which applications the connection is enabled for, and disables it for those of them only, through Auth0's connection clients endpoint in requests of at most 50 applications. Other applications keep their status. Running it again sends nothing.")]
    [CmdletExample("Disable-ScalekitConnection -Name scalekit -Application 'Other App'", "Stops users of 'Other App' from signing in through the connection scalekit; every other application keeps it.")]
    [CmdletExample("Disable-ScalekitConnection -Name scalekit -Application 'My App', 'Other App' -WhatIf", "Shows for which of the two applications the connection would be turned off, sending no write request.")]
    [Cmdlet(VerbsLifecycle.Disable, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class DisableScalekitConnectionCommand : NamedConnectionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, HelpMessage = "Auth0 applications to turn the connection off for, by name as shown in the dashboard or by client id. A name two applications share must be given as a client id.")]
        [ArgumentCompleter(typeof(ApplicationCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateText]
        public string[] Application { get; set; } = new string[0];

        /// <summary>Inputs are collected across the whole pipeline and resolved together at the end, so one unknown or ambiguous application stops the command before anything is written.</summary>
        protected override void ProcessRecord() => ForEachInput(Id ?? Name, () => Applications.Add(Id, Name, Application));

        protected override void EndProcessing() => SetApplications(enable: false);
    }
}
