using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>A cmdlet that acts on one Scalekit organization per input, given as an object, an id or an external id.</summary>
    public abstract class ScalekitOrganizationCmdlet : ScalekitAuth0Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The organization: an object from Get-ScalekitOrganization, its id (org_...), or its external id.")]
        [ArgumentCompleter(typeof(OrganizationIdCompleter))]
        [Alias("Id")]
        [ValidateText]
        public object? Organization { get; set; }

        private protected override ScalekitContext? OwnScalekitContext => (Organization is null ? null : OrganizationArgument.Parse(Organization).Organization?.EnvironmentContext) ?? base.OwnScalekitContext;

        /// <summary>The organization given: a piped object as it is, an id or external id looked up.</summary>
        protected ScalekitOrganization ResolveOrganization()
        {
            var client = ScalekitEnvironment.Client;
            return OrganizationArgument.Parse(Organization).Resolve(key => Run(operation => client.ResolveOrganizationAsync(key, operation)));
        }
    }
}
