using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Changes a Scalekit organization's display name, external id or metadata.",
        "Reads the organization again, changes only what is given and differs, in one request, and writes nothing (and asks nothing) when nothing differs. -Metadata replaces the organization's metadata whole. This is the supported fix when New-ScalekitOrganization stops with ScalekitOrganizationExists because a customer was renamed.")]
    [CmdletExample("Set-ScalekitOrganization -Organization acme -DisplayName 'Acme Corporation' -PassThru", "Renames the organization whose external id is acme and returns it.")]
    [CmdletExample("Get-ScalekitOrganization -ExternalId acme | Set-ScalekitOrganization -Metadata @{ plan = 'enterprise' } -WhatIf", "Shows the metadata that would be set, sending no write request.")]
    [Cmdlet(VerbsCommon.Set, "ScalekitOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitOrganization))]
    public sealed class SetScalekitOrganizationCommand : ScalekitOrganizationCmdlet
    {
        [Parameter(HelpMessage = "The customer's new name as Scalekit shows it, 1 to 200 characters.")]
        [ValidateLength(1, 200)]
        [ValidateText]
        public string? DisplayName { get; set; }

        [Parameter(HelpMessage = "Your own new unique id for the customer, at most 255 characters.")]
        [ArgumentCompleter(typeof(NewValueCompleter))]
        [ValidateLength(1, 255)]
        [ValidateText]
        public string? ExternalId { get; set; }

        [Parameter(HelpMessage = "Up to 10 key-value pairs that replace the organization's metadata (keys 3 to 25 characters, values 1 to 256). Each value is one string, number, date or boolean, stored as text the same on any machine (dates in ISO 8601, true/false); a nested table, a list or an object is refused.")]
        public Hashtable? Metadata { get; set; }

        [Parameter(HelpMessage = "Writes the organization, as it now is, to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachInput(Organization, () =>
        {
            var client = ScalekitEnvironment.Client;
            var given = ResolveOrganization();
            var organization = Run(operation => client.FindOrganizationAsync(given.Id, operation))
                ?? throw new ScalekitAuth0Exception("ScalekitOrganizationNotFound", ApiErrorKind.NotFound,
                    $"Scalekit environment {ScalekitEnvironment.EnvironmentUrl} has no organization '{given.Id}'.", "Check the organization with Get-ScalekitOrganization.");
            var metadata = OrganizationMetadata.From(Metadata);
            var changes = new List<string>();
            var displayName = DisplayName is not null && DisplayName != organization.DisplayName ? DisplayName : null;
            var externalId = ExternalId is not null && ExternalId != organization.ExternalId ? ExternalId : null;
            var newMetadata = metadata is not null && !OrganizationMetadata.Holds(organization, metadata) ? metadata : null;
            if (displayName is not null)
            {
                changes.Add($"display_name to '{ShownText.Printable(displayName)}'");
            }
            if (externalId is not null)
            {
                changes.Add($"external_id to '{ShownText.Printable(externalId)}'");
            }
            if (newMetadata is not null)
            {
                changes.Add($"metadata to {{{string.Join("; ", newMetadata.Select(pair => $"{ShownText.Printable(pair.Key)}='{ShownText.Printable(pair.Value)}'"))}}}");
            }
            if (changes.Count == 0)
            {
                WriteVerbose($"Scalekit organization '{organization.DisplayName}' ({organization.Id}) already has these settings; nothing to change.");
            }
            else if (ShouldProcess($"Scalekit organization '{organization.DisplayName}' ({organization.Id}) in {ScalekitEnvironment.EnvironmentUrl}", $"Set {string.Join(", ", changes)}"))
            {
                organization = Run(operation => client.UpdateOrganizationAsync(organization.Id, displayName, externalId, newMetadata, operation));
            }
            else
            {
                return;
            }
            if (PassThru)
            {
                WriteObject(organization.ReadWith(ScalekitEnvironment));
            }
        });
    }
}
