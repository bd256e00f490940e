using System;
using System.Globalization;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// The three ways the two APIs page, each as a loop that hands every page to the caller as it
    /// arrives, so a listing streams instead of buffering a whole tenant. Each goes on by what the
    /// server answered (a cursor, a token, the size it says a page has), never by the size asked for:
    /// a server may hold pages to fewer items than asked (Scalekit answering 50 domains when asked for
    /// 100), and taking such a page for the last one loses the rest of the listing.
    /// </summary>
    internal static class Paging
    {
        /// <summary>Auth0 checkpoint paging: <c>take</c>, then <c>from=next</c> until no <c>next</c> comes back.</summary>
        public static async Task CheckpointAsync(ApiTransport transport, string path, string itemsKey, int take, Action<JArray> onPage, Operation operation)
        {
            string? from = null;
            while (true)
            {
                var query = $"take={take}" + (from is null ? "" : "&from=" + Uri.EscapeDataString(from));
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, query)), operation).ConfigureAwait(false);
                onPage(Items(page, itemsKey));
                // A bare array (Auth0's answer when it ignores paging) has no cursor, and indexing it by name throws.
                var next = (string?)(page as JObject)?["next"];
                if (string.IsNullOrEmpty(next))
                {
                    return;
                }
                from = NotRepeated(transport, path, from, next!);
            }
        }

        /// <summary>Scalekit token paging: <c>page_size</c>, then <c>page_token=next_page_token</c> until it comes back empty.</summary>
        public static async Task PageTokenAsync(ApiTransport transport, string path, string itemsKey, int pageSize, Action<JArray> onPage, Operation operation)
        {
            string? token = null;
            while (true)
            {
                var query = $"page_size={pageSize}" + (token is null ? "" : "&page_token=" + Uri.EscapeDataString(token));
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, query)), operation).ConfigureAwait(false);
                onPage(Items(page, itemsKey));
                var next = (string?)page?["next_page_token"];
                if (string.IsNullOrEmpty(next))
                {
                    return;
                }
                token = NotRepeated(transport, path, token, next!);
            }
        }

        /// <summary>
        /// Scalekit numbered paging (domains): 0-based <c>page_number</c>. The answer has no total and no
        /// token, and its <c>page_size</c> is the number of items the page holds, so only an empty page,
        /// or one holding fewer items than the <c>page_size</c> it reports, is known to be the last.
        /// </summary>
        public static async Task PageNumberAsync(ApiTransport transport, string path, string itemsKey, int pageSize, Action<JArray> onPage, Operation operation)
        {
            JToken? previousFirst = null;
            for (var number = 0; ; number++)
            {
                var page = await transport.SendAsync(ApiRequest.Get(Join(path, $"page_size={pageSize}&page_number={number}")), operation).ConfigureAwait(false);
                var items = Items(page, itemsKey);
                if (items.Count == 0)
                {
                    return;
                }
                // A server that ignores page_number answers the same page for ever.
                if (previousFirst is not null && JToken.DeepEquals(previousFirst, items[0]))
                {
                    throw Stuck(transport, path, $"page {number} began with the same item as page {number - 1}");
                }
                previousFirst = items[0];
                onPage(items);
                if (ReportedSize(page) is int reported && items.Count < reported)
                {
                    return;
                }
            }
        }

        /// <summary>The items of a list answer, whichever of Auth0's shapes it has (a bare array, or an object holding one).</summary>
        public static JArray Items(JToken? page, string itemsKey) => page as JArray ?? page?[itemsKey] as JArray ?? new JArray();

        private static int? ReportedSize(JToken? page)
        {
            // protojson may send an integer as a string.
            var size = (page as JObject)?["page_size"];
            return size?.Type == JTokenType.Integer ? (int)size
                : size?.Type == JTokenType.String && int.TryParse((string?)size, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : (int?)null;
        }

        /// <summary>A cursor the server hands back unchanged would page for ever.</summary>
        private static string NotRepeated(ApiTransport transport, string path, string? sent, string next) =>
            next == sent ? throw Stuck(transport, path, "the server answered the same cursor it was sent") : next;

        private static ApiException Stuck(ApiTransport transport, string path, string why)
        {
            var bare = path.IndexOf('?') is var query and >= 0 ? path.Substring(0, query) : path;
            return new ApiException(transport.Service, "GET", "/" + bare, 200, ApiErrorKind.InvalidResponse, null, $"paging did not advance: {why}", outcomeUnknown: false);
        }

        private static string Join(string path, string query) => path + (path.IndexOf('?') < 0 ? "?" : "&") + query;
    }
}
