using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>Organizations (enterprise customers), their domains and Admin Portal links.</summary>
    public sealed partial class ScalekitClient
    {
        /// <summary>The domain type Scalekit routes single sign-on on (the other, ALLOWED_EMAIL_DOMAIN, only suggests an organization).</summary>
        public const string OrganizationDomainType = "ORGANIZATION_DOMAIN";

        public static readonly IReadOnlyList<string> PortalFeatures = new[] { "sso", "dir_sync" };

        private const int OrganizationPageSize = 100;
        private const int DomainPageSize = 100;

        // Requests about different organizations or domains do not depend on each other; a few at a
        // time keep a large environment's work short without flooding Scalekit.
        private const int ParallelRequests = 4;

        private const string Organizations = "api/v1/organizations";

        private string Environment => Transport.BaseUri.GetLeftPart(UriPartial.Authority);

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

        /// <summary>
        /// Makes each domain an <c>ORGANIZATION_DOMAIN</c> of the organization. One it already has is
        /// fine; one Scalekit refuses (another organization owns it, or it is a public mail domain)
        /// comes back with the reason, and the others go on.
        /// </summary>
        /// <param name="onDone">Called, from any thread, with how many domains are done so far.</param>
        public async Task<IReadOnlyDictionary<string, ScalekitAuth0Exception>> RegisterOrganizationDomainsAsync(
            ScalekitOrganization organization, IReadOnlyCollection<string> domains, Action<int> onDone, Operation operation)
        {
            var owned = await OwnedNamesAsync(organization.Id, operation).ConfigureAwait(false);
            var missing = domains.Where(d => !owned.Contains(d)).ToList();
            operation.Log.Verbose($"Scalekit organization '{organization.DisplayName}' already has {domains.Count - missing.Count} of the {domains.Count} domain(s).");
            var refused = new ConcurrentDictionary<string, ApiException>(StringComparer.Ordinal);
            var done = domains.Count - missing.Count;
            await ForEachAsync(missing, async domain =>
            {
                try
                {
                    await AddOrganizationDomainAsync(organization.Id, domain, operation).ConfigureAwait(false);
                }
                catch (ApiException e) when (e.Kind == ApiErrorKind.BadRequest || e.Kind == ApiErrorKind.Conflict || e.OutcomeUnknown)
                {
                    refused[domain] = e;
                }
                onDone(Interlocked.Increment(ref done));
            }, operation.Cancellation).ConfigureAwait(false);
            if (refused.IsEmpty)
            {
                return new Dictionary<string, ScalekitAuth0Exception>();
            }
            // A refusal may be a runbook that added the same domain to this organization a moment ago,
            // or a create that happened without our hearing of it: what the organization holds now decides.
            owned = await OwnedNamesAsync(organization.Id, operation).ConfigureAwait(false);
            await ResendUnansweredAsync(organization.Id, refused, owned, operation).ConfigureAwait(false);
            return refused.Where(pair => !owned.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => new ScalekitAuth0Exception(
                "ScalekitDomainRefused", pair.Value.Kind,
                $"Scalekit refused '{pair.Key}' as a domain of organization '{organization.DisplayName}' ({organization.Id}): {pair.Value.ApiMessage}",
                "A domain belongs to one organization only: if another organization has it, remove it there first. Public mail domains (gmail.com, ...) cannot be used.",
                pair.Value), StringComparer.Ordinal);
        }

        /// <summary>
        /// A create that got no clear answer (a 5xx, a dropped connection, a timeout) and that the
        /// organization does not show did not happen: it is sent once more, never blindly, since the
        /// look-up came first. Scalekit did not refuse those domains, so they must not be reported as
        /// refused; if the second try fails the same way, that failure is thrown as it is.
        /// </summary>
        private async Task ResendUnansweredAsync(string organizationId, ConcurrentDictionary<string, ApiException> refused, HashSet<string> owned, Operation operation)
        {
            var unanswered = refused.Where(pair => pair.Value.OutcomeUnknown && !owned.Contains(pair.Key)).Select(pair => pair.Key).ToList();
            await ForEachAsync(unanswered, async domain =>
            {
                operation.Log.Verbose($"Adding '{domain}' got no clear answer and the organization does not have it; sending it again.");
                try
                {
                    await AddOrganizationDomainAsync(organizationId, domain, operation).ConfigureAwait(false);
                    lock (owned)
                    {
                        owned.Add(domain);
                    }
                }
                catch (ApiException e) when (e.Kind == ApiErrorKind.BadRequest || e.Kind == ApiErrorKind.Conflict)
                {
                    refused[domain] = e;
                }
            }, operation.Cancellation).ConfigureAwait(false);
        }

        /// <summary>Deletes those of the domains the organization has; returns the ones it deleted.</summary>
        public async Task<IReadOnlyList<string>> UnregisterOrganizationDomainsAsync(string organizationId, IReadOnlyCollection<string> domains, Operation operation)
        {
            var wanted = new HashSet<string>(domains, StringComparer.Ordinal);
            var doomed = (await ListOrganizationDomainsAsync(organizationId, operation).ConfigureAwait(false)).Where(d => wanted.Contains(d.Name)).ToList();
            await ForEachAsync(doomed, d => DeleteOrganizationDomainAsync(organizationId, d.Id, operation), operation.Cancellation).ConfigureAwait(false);
            return doomed.Select(d => d.Name).ToList();
        }

        /// <summary>The organizations with their <c>ORGANIZATION_DOMAIN</c>s read, in the same order.</summary>
        /// <param name="onDone">Called, from any thread, with how many organizations are done so far.</param>
        public async Task<IReadOnlyList<ScalekitOrganization>> WithDomainsAsync(IReadOnlyList<ScalekitOrganization> organizations, Operation operation, Action<int>? onDone = null)
        {
            var withDomains = new ScalekitOrganization[organizations.Count];
            var done = 0;
            await ForEachAsync(Enumerable.Range(0, organizations.Count), async index =>
            {
                var domains = await ListOrganizationDomainsAsync(organizations[index].Id, operation).ConfigureAwait(false);
                withDomains[index] = organizations[index].WithDomains(domains.Select(d => d.Name));
                onDone?.Invoke(Interlocked.Increment(ref done));
            }, operation.Cancellation).ConfigureAwait(false);
            return withDomains;
        }

        /// <summary>
        /// The routed domains of every organization, with the organization that owns each: all pages
        /// of organizations, then each one's domains.
        /// </summary>
        /// <param name="onProgress">Called, from any thread, with how many organizations are done and how many there are.</param>
        public async Task<IReadOnlyDictionary<string, ScalekitOrganization>> ListAllOrganizationDomainsAsync(Action<int, int> onProgress, Operation operation)
        {
            var organizations = new List<ScalekitOrganization>();
            await ListOrganizationsAsync(organizations.AddRange, operation).ConfigureAwait(false);
            var withDomains = await WithDomainsAsync(organizations, operation, done => onProgress(done, organizations.Count)).ConfigureAwait(false);
            var owners = new Dictionary<string, ScalekitOrganization>(StringComparer.Ordinal);
            foreach (var organization in withDomains)
            {
                foreach (var domain in organization.Domains!)
                {
                    owners[domain] = organization;
                }
            }
            return owners;
        }

        public async Task<ScalekitPortalLink> CreatePortalLinkAsync(string organizationId, IEnumerable<string> features, Operation operation)
        {
            var path = $"{Organizations}/{Uri.EscapeDataString(organizationId)}/portal_links";
            var query = string.Join("&", features.Select(f => "features=" + Uri.EscapeDataString(f)));
            var answer = await Transport.SendAsync(ApiRequest.Put(query.Length == 0 ? path : path + "?" + query), operation).ConfigureAwait(false);
            return answer?["link"] is JObject link
                ? ScalekitPortalLink.From(organizationId, link)
                : throw Unexpected("PUT", path, "the answer held no link");
        }

        private async Task<HashSet<string>> OwnedNamesAsync(string organizationId, Operation operation) =>
            new HashSet<string>((await ListOrganizationDomainsAsync(organizationId, operation).ConfigureAwait(false)).Select(d => d.Name), StringComparer.Ordinal);

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

        /// <summary>Runs the work for every item, at most <see cref="ParallelRequests"/> at a time; after a failure it starts no more, and fails with it.</summary>
        private static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work, CancellationToken cancellation)
        {
            using var slots = new SemaphoreSlim(ParallelRequests);
            var running = new List<Task>();
            var failed = 0;
            foreach (var item in items)
            {
                await slots.WaitAsync(cancellation).ConfigureAwait(false);
                if (Volatile.Read(ref failed) != 0)
                {
                    break;
                }
                running.Add(RunOneAsync(item));
            }
            await Task.WhenAll(running).ConfigureAwait(false);

            async Task RunOneAsync(T item)
            {
                try
                {
                    await work(item).ConfigureAwait(false);
                }
                catch
                {
                    Interlocked.Exchange(ref failed, 1);
                    throw;
                }
                finally
                {
                    slots.Release();
                }
            }
        }
    }
}
