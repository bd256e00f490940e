using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// The three ways the two APIs page, each as a loop that hands every page to the caller as it
    /// arrives, so a listing streams instead of buffering a whole tenant.
    /// </summary>
    internal static class Paging
    {
        /// <summary>Auth0 checkpoint paging: <c>take</c>, then <c>from=next</c> until no <c>next</c> comes back.</summary>
        public static async Task CheckpointAsync(ApiTransport transport, string path, string itemsKey, int take, Action<JArray> onPage, Operation operation)
        {
            string? from = null;
            do
            {
                var query = $"take={take}" + (from is null ? "" : "&from=" + Uri.EscapeDataString(from));
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, query)), operation).ConfigureAwait(false);
                onPage(Items(page, itemsKey));
                // A bare array (Auth0's answer when it ignores paging) has no cursor, and indexing it by name throws.
                from = (string?)(page as JObject)?["next"];
            }
            while (!string.IsNullOrEmpty(from));
        }

        /// <summary>Scalekit token paging: <c>page_size</c>, then <c>page_token=next_page_token</c> until it comes back empty.</summary>
        public static async Task PageTokenAsync(ApiTransport transport, string path, string itemsKey, int pageSize, Action<JArray> onPage, Operation operation)
        {
            string? token = null;
            do
            {
                var query = $"page_size={pageSize}" + (token is null ? "" : "&page_token=" + Uri.EscapeDataString(token));
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, query)), operation).ConfigureAwait(false);
                onPage(Items(page, itemsKey));
                token = (string?)page?["next_page_token"];
            }
            while (!string.IsNullOrEmpty(token));
        }

        /// <summary>Scalekit numbered paging (domains): 0-based <c>page_number</c> until a short page; the API sends no total.</summary>
        public static async Task PageNumberAsync(ApiTransport transport, string path, string itemsKey, int pageSize, Action<JArray> onPage, Operation operation)
        {
            for (var number = 0; ; number++)
            {
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, $"page_size={pageSize}&page_number={number}")), operation).ConfigureAwait(false);
                var items = Items(page, itemsKey);
                onPage(items);
                if (items.Count < pageSize)
                {
                    return;
                }
            }
        }

        /// <summary>The items of a list answer, whichever of Auth0's shapes it has (a bare array, or an object holding one).</summary>
        public static JArray Items(JToken? page, string itemsKey) => page as JArray ?? page?[itemsKey] as JArray ?? new JArray();

        private static string Join(string path, string query) => path + (path.IndexOf('?') < 0 ? "?" : "&") + query;
    }
}
