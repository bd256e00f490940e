using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets Scalekit organizations.",
        "By id, by your external id, or all organizations of the environment, read page by page and written as they arrive. -IncludeDomain also reads each organization's ORGANIZATION_DOMAINs (one more request per organization).")]
    [CmdletExample("Get-ScalekitOrganization -ExternalId acme -IncludeDomain", "Gets Acme's organization with the domains Scalekit routes to it.")]
    [CmdletExample("Get-ScalekitOrganization | Format-Table DisplayName, ExternalId, Id", "Lists every organization of the environment.")]
    [Cmdlet(VerbsCommon.Get, "ScalekitOrganization", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ScalekitOrganization))]
    public sealed class GetScalekitOrganizationCommand : ScalekitAuth0Cmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "Id";
        private const string ExternalIdSet = "ExternalId";
        private const string ObjectSet = "Object";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Organization ids (org_...).")]
        [ArgumentCompleter(typeof(OrganizationIdCompleter))]
        [Alias("OrganizationId")]
        [ValidateText]
        public string[] Id { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = ExternalIdSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Your own ids for the customers, as given to New-ScalekitOrganization -ExternalId.")]
        [ArgumentCompleter(typeof(ExternalIdCompleter))]
        [ValidateText]
        public string[] ExternalId { get; set; } = new string[0];

        /// <summary>A piped organization is read again as it is, not looked up by one of its keys: it carries both an Id and an ExternalId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true,
            HelpMessage = "An organization from Get- or New-ScalekitOrganization, read again (with -IncludeDomain, with its domains) in the environment it came from.")]
        public ScalekitOrganization? Organization { get; set; }

        [Parameter(HelpMessage = "Also reads each organization's domains into its Domains property.")]
        public SwitchParameter IncludeDomain { get; set; }

        private protected override ScalekitContext? OwnScalekitContext => Organization?.EnvironmentContext ?? base.OwnScalekitContext;

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case IdSet:
                    foreach (var id in Id)
                    {
                        ForEachInput(id, () => WriteOne(Run(operation => Client.FindOrganizationAsync(id, operation)), id));
                    }
                    break;
                case ObjectSet:
                    var piped = Organization!;
                    ForEachInput(piped.Id, () => WriteOne(Run(operation => Client.FindOrganizationAsync(piped.Id, operation)), piped.Id));
                    break;
                case ExternalIdSet:
                    foreach (var externalId in ExternalId)
                    {
                        ForEachInput(externalId, () => WriteOne(Run(operation => Client.FindOrganizationByExternalIdAsync(externalId, operation)), externalId));
                    }
                    break;
                default:
                    ForEachInput(null, () => Run(async operation =>
                    {
                        var client = Client;
                        var written = Task.CompletedTask;
                        await client.ListOrganizationsAsync(page => written = WriteAfterAsync(written, client, page, operation), operation).ConfigureAwait(false);
                        await written.ConfigureAwait(false);
                    }));
                    break;
            }
        }

        private ScalekitClient Client => ScalekitEnvironment.Client;

        private void WriteOne(ScalekitOrganization? organization, string key)
        {
            if (organization is null)
            {
                throw new ScalekitAuth0Exception("ScalekitOrganizationNotFound", ApiErrorKind.NotFound,
                    $"Scalekit environment {ScalekitEnvironment.EnvironmentUrl} has no organization '{key}'.",
                    ParameterSetName == IdSet ? "Check the id, or look the organization up with -ExternalId." : "Check the external id, or list all organizations with Get-ScalekitOrganization.");
            }
            if (IncludeDomain)
            {
                var client = ScalekitEnvironment.Client;
                organization = Run(operation => client.WithDomainsAsync(new[] { organization }, operation))[0];
            }
            WriteObject(organization.ReadWith(ScalekitEnvironment));
        }

        /// <summary>Pages reach the pipeline in order, each as soon as it (and, with -IncludeDomain, its domains) has arrived.</summary>
        private async Task WriteAfterAsync(Task previous, ScalekitClient client, IReadOnlyList<ScalekitOrganization> page, Operation operation)
        {
            var organizations = IncludeDomain ? await client.WithDomainsAsync(page, operation).ConfigureAwait(false) : page;
            await previous.ConfigureAwait(false);
            Post(operation, () =>
            {
                foreach (var organization in organizations)
                {
                    WriteObject(organization.ReadWith(ScalekitEnvironment));
                }
            });
        }
    }
}
