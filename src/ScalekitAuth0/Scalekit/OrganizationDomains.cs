using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>
    /// Work on many organization domains at once, built on the client's endpoints: registering with
    /// a look before any resend, deleting, and reading every organization's domains, a few requests
    /// at a time.
    /// </summary>
    internal static class OrganizationDomains
    {
        // Requests about different organizations or domains do not depend on each other; a few at a
        // time keep a large environment's work short without flooding Scalekit.
        private const int ParallelRequests = 4;

        /// <summary>
        /// Makes each domain an <c>ORGANIZATION_DOMAIN</c> of the organization. One it already has is
        /// fine; one Scalekit refuses (another organization owns it, or it is a public mail domain)
        /// comes back with the reason, and the others go on.
        /// </summary>
        /// <param name="onDone">Called, from any thread, with how many domains are done so far.</param>
        public static async Task<IReadOnlyDictionary<string, ScalekitAuth0Exception>> RegisterOrganizationDomainsAsync(
            this ScalekitClient client, ScalekitOrganization organization, IReadOnlyCollection<string> domains, Action<int> onDone, Operation operation)
        {
            var owned = await OwnedNamesAsync(client, organization.Id, operation).ConfigureAwait(false);
            var missing = domains.Where(d => !owned.Contains(d)).ToList();
            operation.Log.Verbose($"Scalekit organization '{organization.DisplayName}' already has {domains.Count - missing.Count} of the {domains.Count} domain(s).");
            var refused = new ConcurrentDictionary<string, ApiException>(StringComparer.Ordinal);
            var done = domains.Count - missing.Count;
            await ForEachAsync(missing, async domain =>
            {
                try
                {
                    await client.AddOrganizationDomainAsync(organization.Id, domain, operation).ConfigureAwait(false);
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
            owned = await OwnedNamesAsync(client, organization.Id, operation).ConfigureAwait(false);
            await ResendUnansweredAsync(client, organization.Id, refused, owned, operation).ConfigureAwait(false);
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
        private static async Task ResendUnansweredAsync(ScalekitClient client, string organizationId, ConcurrentDictionary<string, ApiException> refused, HashSet<string> owned, Operation operation)
        {
            var unanswered = refused.Where(pair => pair.Value.OutcomeUnknown && !owned.Contains(pair.Key)).Select(pair => pair.Key).ToList();
            await ForEachAsync(unanswered, async domain =>
            {
                operation.Log.Verbose($"Adding '{domain}' got no clear answer and the organization does not have it; sending it again.");
                try
                {
                    await client.AddOrganizationDomainAsync(organizationId, domain, operation).ConfigureAwait(false);
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
        public static async Task<IReadOnlyList<string>> UnregisterOrganizationDomainsAsync(this ScalekitClient client, string organizationId, IReadOnlyCollection<string> domains, Operation operation)
        {
            var wanted = new HashSet<string>(domains, StringComparer.Ordinal);
            var doomed = (await client.ListOrganizationDomainsAsync(organizationId, operation).ConfigureAwait(false)).Where(d => wanted.Contains(d.Name)).ToList();
            await ForEachAsync(doomed, d => client.DeleteOrganizationDomainAsync(organizationId, d.Id, operation), operation.Cancellation).ConfigureAwait(false);
            return doomed.Select(d => d.Name).ToList();
        }

        /// <summary>The organizations with their <c>ORGANIZATION_DOMAIN</c>s read, in the same order.</summary>
        /// <param name="onDone">Called, from any thread, with how many organizations are done so far.</param>
        public static async Task<IReadOnlyList<ScalekitOrganization>> WithDomainsAsync(this ScalekitClient client, IReadOnlyList<ScalekitOrganization> organizations, Operation operation, Action<int>? onDone = null)
        {
            var withDomains = new ScalekitOrganization[organizations.Count];
            var done = 0;
            await ForEachAsync(Enumerable.Range(0, organizations.Count), async index =>
            {
                var domains = await client.ListOrganizationDomainsAsync(organizations[index].Id, operation).ConfigureAwait(false);
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
        public static async Task<IReadOnlyDictionary<string, ScalekitOrganization>> ListAllOrganizationDomainsAsync(this ScalekitClient client, Action<int, int> onProgress, Operation operation)
        {
            var organizations = new List<ScalekitOrganization>();
            await client.ListOrganizationsAsync(organizations.AddRange, operation).ConfigureAwait(false);
            var withDomains = await client.WithDomainsAsync(organizations, operation, done => onProgress(done, organizations.Count)).ConfigureAwait(false);
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

        private static async Task<HashSet<string>> OwnedNamesAsync(ScalekitClient client, string organizationId, Operation operation) =>
            new HashSet<string>((await client.ListOrganizationDomainsAsync(organizationId, operation).ConfigureAwait(false)).Select(d => d.Name), StringComparer.Ordinal);

        /// <summary>Runs the work for every item, at most <see cref="ParallelRequests"/> at a time; after a failure it starts no more, and fails with it.</summary>
        internal static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work, CancellationToken cancellation)
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
