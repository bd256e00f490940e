using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Creates a Scalekit organization for an enterprise customer.",
        "An organization is the customer in Scalekit: its domains route users to its identity provider, and its IT administrator configures SSO through an Admin Portal link. Give -ExternalId (your own id for the customer) to make the command safe to run again: when an organization with that external id already has this display name (and, if given, this metadata), it is returned unchanged and nothing is written; when it differs, the command fails with ScalekitOrganizationExists rather than change a customer someone else set up. Without -ExternalId every run creates another organization.")]
    [CmdletExample("New-ScalekitOrganization -DisplayName Acme -ExternalId acme",
        "Creates the organization for Acme, or returns it if it exists already.")]
    [CmdletExample("Import-Csv customers.csv | New-ScalekitOrganization -Metadata @{ plan = 'enterprise' }",
        "Onboards every customer of a file with DisplayName and ExternalId columns.")]
    [Cmdlet(VerbsCommon.New, "ScalekitOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitOrganization))]
    public sealed class NewScalekitOrganizationCommand : ScalekitAuth0Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The customer's name as Scalekit shows it, 1 to 200 characters.")]
        [ValidateLength(1, 200)]
        [ValidateText]
        public string DisplayName { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Your own unique id for the customer, at most 255 characters; makes re-runs return the existing organization.")]
        [ArgumentCompleter(typeof(NewValueCompleter))]
        [ValidateLength(1, 255)]
        [ValidateText]
        public string? ExternalId { get; set; }

        [Parameter(HelpMessage = "Up to 10 key-value pairs to store with the organization (keys 3 to 25 characters, values 1 to 256). Each value is one string, number, date or boolean, stored as text the same on any machine (dates in ISO 8601, true/false); a nested table, a list or an object is refused.")]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord() => ForEachInput(ExternalId ?? DisplayName, () =>
        {
            var metadata = OrganizationMetadata.From(Metadata);
            var client = ScalekitEnvironment.Client;
            var existing = ExternalId is null ? null : Run(operation => client.FindOrganizationByExternalIdAsync(ExternalId, operation));
            if (existing is null)
            {
                var externalId = ExternalId is null ? "" : $" with external id '{ExternalId}'";
                if (!ShouldProcess($"Scalekit environment {ScalekitEnvironment.EnvironmentUrl}", $"Create organization '{DisplayName}'{externalId}"))
                {
                    return;
                }
                existing = Run(operation => client.CreateOrganizationAsync(DisplayName, ExternalId, metadata, operation));
            }
            WriteObject(Converged(existing, metadata).ReadWith(ScalekitEnvironment));
        });

        /// <summary>What came back must be what was asked for: another runbook may have created the external id first, with other settings.</summary>
        private ScalekitOrganization Converged(ScalekitOrganization organization, IReadOnlyDictionary<string, string>? metadata)
        {
            var differences = new List<string>();
            if (organization.DisplayName != DisplayName)
            {
                differences.Add($"display name '{organization.DisplayName}'");
            }
            if (metadata is not null && !OrganizationMetadata.Holds(organization, metadata))
            {
                differences.Add("other metadata");
            }
            if (differences.Count > 0)
            {
                throw new ScalekitAuth0Exception("ScalekitOrganizationExists", ApiErrorKind.Conflict,
                    $"Scalekit organization {organization.Id} already has external id '{ExternalId}', with {string.Join(" and ", differences)}.",
                    "Use another -ExternalId for a different customer, or pass the existing organization's settings.");
            }
            WriteVerbose($"Scalekit organization '{organization.DisplayName}' ({organization.Id}) has these settings.");
            return organization;
        }
    }
}
