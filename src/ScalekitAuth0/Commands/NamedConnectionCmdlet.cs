using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>A cmdlet that acts on one existing connection, named by -Name or -Id; both bind from a piped connection.</summary>
    public abstract class NamedConnectionCmdlet : Auth0Cmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The connection's name (binds from a piped connection).")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateText]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The connection's id, con_... (binds from a piped connection); used instead of -Name when both are given.")]
        [ValidateText]
        public string? Id { get; set; }

        /// <summary>The connection this input names, read now.</summary>
        protected Auth0Connection RequireConnection() => RequireConnection(Id, Name);
    }
}
