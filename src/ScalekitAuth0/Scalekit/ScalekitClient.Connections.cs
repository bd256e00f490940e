using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>The SSO connections of organizations: read only, since the customer's IT admin makes them in the Admin Portal.</summary>
    internal sealed partial class ScalekitClient
    {
        private const string Connections = "api/v1/connections";

        /// <summary>
        /// The organization's SSO connections in one answer (Scalekit does not page them): only the
        /// active ones (completed and enabled), as Scalekit's default is, or all of them.
        /// </summary>
        public async Task<IReadOnlyList<ScalekitSsoConnection>> ListSsoConnectionsAsync(string organizationId, bool includeInactive, Operation operation)
        {
            var path = $"{Connections}?organization_id={Uri.EscapeDataString(organizationId)}" + (includeInactive ? "&include=all" : "");
            var answer = await Transport.SendAsync(ApiRequest.Get(path), operation).ConfigureAwait(false);
            return Paging.Items(answer, "connections").OfType<JObject>()
                .Select(c => ScalekitSsoConnection.From(c, Environment))
                // The filter is ours too: what "active" means must not depend on the server's default.
                .Where(c => includeInactive || c.Active)
                .ToList();
        }
    }
}
