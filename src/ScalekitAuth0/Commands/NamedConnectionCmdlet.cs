using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>A cmdlet that acts on existing connections, each named by -Name or -Id; both bind from a piped connection.</summary>
    public abstract class NamedConnectionCmdlet : ScalekitAuth0Cmdlet
    {
        private ConnectionApplications? _applications;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The connection's name (binds from a piped connection).")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateText]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The connection's id, con_... (binds from a piped connection); used instead of -Name when both are given.")]
        [ValidateText]
        public string? Id { get; set; }

        [Parameter(HelpMessage = "Changes the connection even when it does not point at Scalekit (another OIDC connection of the tenant), instead of failing with NotAScalekitConnection.")]
        public SwitchParameter Force { get; set; }

        [Parameter(HelpMessage = "Writes the connection to the pipeline; after Enable- or Disable-ScalekitConnection it carries its EnabledClients.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Which applications the connections are enabled for (Enable- and Disable-ScalekitConnection).</summary>
        private protected ConnectionApplications Applications => _applications ??= new ConnectionApplications(this, Work, Auth0Tenant, connection => RequirePointsAtScalekit(connection, Force));

        /// <summary>Sets what the inputs collected; nothing when none was (each failed, and was reported).</summary>
        private protected void SetApplications(bool enable) => _applications?.SetAll(enable, PassThru);

        /// <summary>The connection this input names, read now; one that does not point at Scalekit is refused unless -Force.</summary>
        private protected Auth0Connection RequireConnection()
        {
            var client = Auth0Tenant.Client;
            var connection = Run(operation => client.RequireConnectionAsync(Id, Name, operation));
            RequirePointsAtScalekit(connection, Force);
            return connection;
        }
    }
}
