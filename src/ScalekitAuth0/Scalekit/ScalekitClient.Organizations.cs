using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Organizations (enterprise customers), their domains and Admin Portal links.</summary>
    internal sealed partial class ScalekitClient
    {
        /// <summary>The domain type Scalekit routes single sign-on on (the other, ALLOWED_EMAIL_DOMAIN, only suggests an organization).</summary>
        public const string OrganizationDomainType = "ORGANIZATION_DOMAIN";

        public static readonly IReadOnlyList<string> PortalFeatures = new[] { "sso", "dir_sync" };

        private const int OrganizationPageSize = 100;
        private const int DomainPageSize = 100;

        private const string Organizations = "api/v1/organizations";

        /// <summary>The environment URL, as contexts and Scalekit's issuer write it.</summary>
        public string Environment => Transport.BaseUri.GetLeftPart(UriPartial.Authority);

        /// <summary>
        /// Creates the organization. With an external id, a create that got no clear answer, or that
        /// Scalekit refused because the external id is taken (another runbook was faster), returns
        /// the organization that now has that external id, so the caller can compare it.
        /// </summary>
        public async Task<ScalekitOrganization> CreateOrganizationAsync(string displayName, string? externalId, IReadOnlyDictionary<string, string>? metadata, Operation operation)
        {
            var body = new JObject { ["display_name"] = displayName };
            if (externalId is not null)
            {
                body["external_id"] = externalId;
            }
            if (metadata is not null && metadata.Count > 0)
            {
                body["metadata"] = new JObject(metadata.Select(pair => new JProperty(pair.Key, pair.Value)));
            }
            try
            {
                return Organization(await Transport.SendAsync(ApiRequest.Post(Organizations, body), operation).ConfigureAwait(false), "POST");
            }
            catch (ApiException e) when (externalId is not null && (e.OutcomeUnknown || e.Kind == ApiErrorKind.BadRequest || e.Kind == ApiErrorKind.Conflict))
            {
                operation.Log.Verbose($"Creating the organization with external id '{externalId}' failed ({e.ApiMessage}); looking it up by external id.");
                var existing = await FindOrganizationByExternalIdAsync(externalId!, operation).ConfigureAwait(false);
                if (existing is not null)
                {
                    return existing;
                }
                if (!e.OutcomeUnknown)
                {
                    throw;
                }
                return Organization(await Transport.SendAsync(ApiRequest.Post(Organizations, body), operation).ConfigureAwait(false), "POST");
            }
        }

        /// <summary>Sets the fields given (null: left as they are); metadata is replaced whole, as Scalekit stores it.</summary>
        public async Task<ScalekitOrganization> UpdateOrganizationAsync(string id, string? displayName, string? externalId, IReadOnlyDictionary<string, string>? metadata, Operation operation)
        {
            var body = new JObject();
            if (displayName is not null)
            {
                body["display_name"] = displayName;
            }
            if (externalId is not null)
            {
                body["external_id"] = externalId;
            }
            if (metadata is not null)
            {
                body["metadata"] = new JObject(metadata.Select(pair => new JProperty(pair.Key, pair.Value)));
            }
            // Whole values: the same PATCH sent twice leaves the same organization.
            var path = $"{Organizations}/{Uri.EscapeDataString(id)}";
            return Organization(await Transport.SendAsync(ApiRequest.Patch(path, body, repeatable: true), operation).ConfigureAwait(false), "PATCH");
        }

        public Task<ScalekitOrganization?> FindOrganizationAsync(string id, Operation operation) =>
            FindAsync($"{Organizations}/{Uri.EscapeDataString(id)}", operation);

        public Task<ScalekitOrganization?> FindOrganizationByExternalIdAsync(string externalId, Operation operation) =>
            FindAsync($"{Organizations}:external/{Uri.EscapeDataString(externalId)}", operation);

        /// <summary>
        /// An organization named by its id (<c>org_...</c>) or, failing that, by its external id, so a
        /// runbook can use its own customer keys throughout.
        /// </summary>
        public async Task<ScalekitOrganization> ResolveOrganizationAsync(string idOrExternalId, Operation operation)
        {
            var found = idOrExternalId.StartsWith("org_", StringComparison.Ordinal)
                ? await FindOrganizationAsync(idOrExternalId, operation).ConfigureAwait(false)
                : null;
            return found
                ?? await FindOrganizationByExternalIdAsync(idOrExternalId, operation).ConfigureAwait(false)
                ?? throw new ScalekitAuth0Exception("ScalekitOrganizationNotFound", ApiErrorKind.NotFound,
                    $"Scalekit environment {Environment} has no organization with the id or external id '{idOrExternalId}'.",
                    "Check it with Get-ScalekitOrganization, or create the organization with New-ScalekitOrganization.");
        }

        /// <summary>Every organization, a page at a time as Scalekit sends them.</summary>
        public Task ListOrganizationsAsync(Action<IReadOnlyList<ScalekitOrganization>> onPage, Operation operation) =>
            Paging.PageTokenAsync(Transport, Organizations, "organizations", OrganizationPageSize,
                page => onPage(page.OfType<JObject>().Select(o => ScalekitOrganization.From(o, Environment)).ToList()), operation);

        public Task DeleteOrganizationAsync(string id, Operation operation) =>
            Transport.SendAsync(ApiRequest.Delete($"{Organizations}/{Uri.EscapeDataString(id)}"), operation);

        public async Task<IReadOnlyList<ScalekitDomain>> ListOrganizationDomainsAsync(string organizationId, Operation operation)
        {
            var domains = new List<ScalekitDomain>();
            await Paging.PageNumberAsync(Transport, $"{DomainsPath(organizationId)}?domain_type={OrganizationDomainType}", "domains", DomainPageSize,
                page => domains.AddRange(page.OfType<JObject>().Select(ScalekitDomain.From)), operation).ConfigureAwait(false);
            return domains;
        }

        public async Task<ScalekitDomain> AddOrganizationDomainAsync(string organizationId, string domain, Operation operation)
        {
            var body = new JObject { ["domain"] = domain, ["domain_type"] = OrganizationDomainType };
            var answer = await Transport.SendAsync(ApiRequest.Post(DomainsPath(organizationId), body), operation).ConfigureAwait(false);
            return answer?["domain"] is JObject json
                ? ScalekitDomain.From(json)
                : throw Unexpected("POST", DomainsPath(organizationId), "the answer held no domain");
        }

        public Task DeleteOrganizationDomainAsync(string organizationId, string domainId, Operation operation) =>
            Transport.SendAsync(ApiRequest.Delete($"{DomainsPath(organizationId)}/{Uri.EscapeDataString(domainId)}"), operation);

        public async Task<ScalekitPortalLink> CreatePortalLinkAsync(string organizationId, IEnumerable<string> features, Operation operation)
        {
            var path = $"{Organizations}/{Uri.EscapeDataString(organizationId)}/portal_links";
            var query = string.Join("&", features.Select(f => "features=" + Uri.EscapeDataString(f)));
            var answer = await Transport.SendAsync(ApiRequest.Put(query.Length == 0 ? path : path + "?" + query), operation).ConfigureAwait(false);
            return answer?["link"] is JObject link
                ? ScalekitPortalLink.From(organizationId, link)
                : throw Unexpected("PUT", path, "the answer held no link");
        }

        private async Task<ScalekitOrganization?> FindAsync(string path, Operation operation)
        {
            try
            {
                return Organization(await Transport.SendAsync(ApiRequest.Get(path), operation).ConfigureAwait(false), "GET");
            }
            catch (ApiException e) when (e.Kind == ApiErrorKind.NotFound)
            {
                return null;
            }
        }

        private ScalekitOrganization Organization(JToken? answer, string method) =>
            answer?["organization"] is JObject json
                ? ScalekitOrganization.From(json, Environment)
                : throw Unexpected(method, Organizations, "the answer held no organization");

        private ApiException Unexpected(string method, string path, string why) =>
            new ApiException(Transport.Service, method, "/" + path, 200, ApiErrorKind.InvalidResponse, null, why, outcomeUnknown: false);

        private static string DomainsPath(string organizationId) => $"{Organizations}/{Uri.EscapeDataString(organizationId)}/domains";
    }
}
