using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Deletes an Auth0 connection.",
        "Users can no longer sign in through it. Asks for confirmation unless -Confirm:$false is given (runbooks must pass it).")]
    [CmdletExample("Remove-ScalekitConnection -Name scalekit -Confirm:$false", "Deletes the connection without asking.")]
    [CmdletExample("Get-ScalekitConnection -Name 'test-*' | Remove-ScalekitConnection -WhatIf", "Shows which test connections would be deleted.")]
    [Cmdlet(VerbsCommon.Remove, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class RemoveScalekitConnectionCommand : NamedConnectionCmdlet
    {
        protected override void ProcessRecord() => ForEachInput(Id ?? Name, () =>
        {
            var connection = RequireConnection();
            if (!ShouldProcess($"Auth0 connection '{connection.Name}' ({connection.Id}) on {Auth0Tenant.Domain}", "Delete; users will no longer sign in through it"))
            {
                return;
            }
            Run(operation => Auth0Tenant.Client.DeleteConnectionAsync(connection.Id, operation));
            if (PassThru)
            {
                WriteObject(ScalekitConnection.From(connection, Auth0Tenant));
            }
        });
    }
}
