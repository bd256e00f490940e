using System;
using System.Management.Automation;
using ScalekitAuth0.Http;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// What -Organization accepts: an organization object (used as it is, without another request),
    /// or a string that is an organization id (<c>org_...</c>) or an external id.
    /// </summary>
    internal sealed class OrganizationArgument
    {
        private OrganizationArgument(ScalekitOrganization? organization, string key)
        {
            Organization = organization;
            Key = key;
        }

        /// <summary>The object given, when one was.</summary>
        public ScalekitOrganization? Organization { get; }

        /// <summary>The id or external id to look the organization up by.</summary>
        public string Key { get; }

        public static OrganizationArgument Parse(object? value)
        {
            var inner = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (inner is ScalekitOrganization organization)
            {
                return new OrganizationArgument(organization, organization.Id);
            }
            if (inner is ScalekitSsoConnection connection)
            {
                return new OrganizationArgument(null, connection.Organization);
            }
            var key = inner as string ?? (value as PSObject)?.Properties["Id"]?.Value as string;
            if (!string.IsNullOrWhiteSpace(key))
            {
                return new OrganizationArgument(null, key!.Trim());
            }
            throw new ScalekitAuth0Exception("InvalidOrganization", ApiErrorKind.BadRequest,
                $"-Organization '{ShownText.Printable(inner?.ToString())}' ({inner?.GetType().Name ?? "null"}) names no Scalekit organization.",
                "Pass an organization from Get-ScalekitOrganization or New-ScalekitOrganization, an organization id (org_...), or your external id for it.");
        }

        /// <summary>The organization: the object given, or the one the key names (looked up with <paramref name="lookUp"/>).</summary>
        public ScalekitOrganization Resolve(Func<string, ScalekitOrganization> lookUp) => Organization ?? lookUp(Key);
    }
}
