using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    internal sealed partial class Auth0Client
    {
        public const string CallbackPath = "login/callback";

        private const string CustomDomainsScope = "read:custom_domains";

        /// <summary>Every custom domain of the tenant, in whichever list shape Auth0 answers.</summary>
        public async Task<IReadOnlyList<Auth0CustomDomain>> ListCustomDomainsAsync(Operation operation)
        {
            var domains = new List<Auth0CustomDomain>();
            await Paging.CheckpointAsync(Transport, "api/v2/custom-domains", "custom_domains", PageSize,
                page => domains.AddRange(page.OfType<JObject>().Select(d => new Auth0CustomDomain(d))), operation).ConfigureAwait(false);
            return domains;
        }

        /// <summary>
        /// Where Auth0 receives users back from an enterprise connection: the tenant's own domain,
        /// then each custom domain that is ready (a login can start on any of them), the primary one
        /// first. The tenant's own is on the scheme and port of the address the tenant was reached at,
        /// so a sandbox's points at the sandbox; a custom domain's is always https on the default
        /// port, because that is the only way Auth0 serves a custom domain.
        /// </summary>
        public async Task<IReadOnlyList<Auth0CallbackUrl>> GetCallbackUrlsAsync(Operation operation)
        {
            var tenant = Transport.BaseUri;
            var urls = new List<Auth0CallbackUrl>
            {
                CallbackUrl(new UriBuilder(tenant.Scheme, tenant.Host, tenant.IsDefaultPort ? -1 : tenant.Port, CallbackPath), CallbackUrlSource.Canonical),
            };
            var customDomains = await CustomDomainsIfAvailableAsync(operation).ConfigureAwait(false);
            foreach (var domain in customDomains.OrderByDescending(d => d.IsPrimary))
            {
                if (domain.IsReady)
                {
                    urls.Add(CallbackUrl(new UriBuilder(Uri.UriSchemeHttps, domain.Domain, -1, CallbackPath), CallbackUrlSource.CustomDomain));
                }
                else
                {
                    operation.Log.Verbose($"Custom domain {domain.Domain} is {domain.Status}, not ready; it gets no callback URL.");
                }
            }
            return urls;
        }

        /// <summary>
        /// A tenant whose plan has no custom domains answers 403 or 404 for the list; that means
        /// "none", not a failure. A token without the scope is worth a warning: the tenant may well
        /// have custom domains whose callbacks would then be missed.
        /// </summary>
        private async Task<IReadOnlyList<Auth0CustomDomain>> CustomDomainsIfAvailableAsync(Operation operation)
        {
            try
            {
                return await ListCustomDomainsAsync(operation).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.IsInsufficientScope)
            {
                operation.Log.Warning($"The Auth0 token lacks the {CustomDomainsScope} scope, so custom domains were not read and only the tenant's own callback URL is used. " +
                    $"If the tenant has custom domains, grant {CustomDomainsScope} to the Auth0 application and run Connect-Auth0 again.");
            }
            catch (ApiException e) when (e.Kind == ApiErrorKind.Forbidden || e.Kind == ApiErrorKind.NotFound)
            {
                operation.Log.Verbose($"The tenant has no custom domains feature ({e.Message}); only its own callback URL applies.");
            }
            return Array.Empty<Auth0CustomDomain>();
        }

        private Auth0CallbackUrl CallbackUrl(UriBuilder url, CallbackUrlSource source) =>
            Auth0CallbackUrl.On(url.Uri, source, Transport.BaseUri.Authority);
    }
}
