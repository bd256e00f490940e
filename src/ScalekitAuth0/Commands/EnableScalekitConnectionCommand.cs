using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Turns a connection on for Auth0 applications, so their users can sign in through Scalekit.",
        "Resolves each application by name or client id (an unknown name, or a name two applications share, is an error, and then nothing is written), reads which applications the connection is already enabled for, and enables it for the others only, through Auth0's connection clients endpoint in requests of at most 50 applications. Running it again sends nothing. Applications can come down the pipeline; all of them are checked before the first change is made.")]
    [CmdletExample("Enable-ScalekitConnection -Name scalekit -Application 'My App'", "Lets users of the application 'My App' sign in through the connection scalekit.")]
    [CmdletExample("'My App', 'Other App' | Enable-ScalekitConnection -Name scalekit -PassThru | Select-Object Name, EnabledClients", "Enables the connection for two applications and shows the client ids it is enabled for afterwards.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit | Enable-ScalekitConnection -Application 'x1OvYTXTnvCg3MCCwFQ7tgf2d6L8Wh1L' -WhatIf", "Shows whether the connection would be enabled for the application with that client id, sending no write request.")]
    [Cmdlet(VerbsLifecycle.Enable, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class EnableScalekitConnectionCommand : NamedConnectionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, HelpMessage = "Auth0 applications to enable the connection for, by name as shown in the dashboard or by client id. A name two applications share must be given as a client id.")]
        [ArgumentCompleter(typeof(ApplicationCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateText]
        public string[] Application { get; set; } = new string[0];

        /// <summary>Inputs are collected across the whole pipeline and resolved together at the end, so one unknown or ambiguous application stops the command before anything is written.</summary>
        protected override void ProcessRecord() => ForEachInput(Id ?? Name, () => Applications.Add(Id, Name, Application));

        protected override void EndProcessing() => SetApplications(enable: true);
    }
}
