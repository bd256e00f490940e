using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Which organizations can receive logins: an organization without an active SSO connection sends its users to no_active_connections.</summary>
    internal static class OrganizationSso
    {
        /// <summary>Those of the organizations that have no active SSO connection, in the order given; a few are read at a time.</summary>
        public static async Task<IReadOnlyList<ScalekitOrganization>> WithoutActiveSsoAsync(this ScalekitClient client, IReadOnlyList<ScalekitOrganization> organizations, Operation operation)
        {
            var lacking = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            await OrganizationDomains.ForEachAsync(organizations, async organization =>
            {
                if ((await client.ListSsoConnectionsAsync(organization.Id, includeInactive: false, operation).ConfigureAwait(false)).Count == 0)
                {
                    lacking[organization.Id] = true;
                }
            }, operation.Cancellation).ConfigureAwait(false);
            return organizations.Where(o => lacking.ContainsKey(o.Id)).ToList();
        }
    }
}
