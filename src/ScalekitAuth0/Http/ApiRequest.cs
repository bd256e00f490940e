using System;
using System.Collections.Generic;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>One call to make, relative to a service's base URL.</summary>
    internal sealed class ApiRequest
    {
        private ApiRequest(HttpMethod method, string pathAndQuery, JToken? body, bool repeatable, bool builtFromRead = false)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Body = body;
            Repeatable = repeatable;
            BuiltFromRead = builtFromRead;
        }

        public HttpMethod Method { get; }
        public string PathAndQuery { get; }

        /// <summary>An absolute address to send to instead of one relative to the base URL (a page on another host of the service).</summary>
        public Uri? Url { get; private set; }

        /// <summary>What the caller can read: JSON from the APIs, HTML from a login page.</summary>
        public string Accept { get; private set; } = "application/json";
        public JToken? Body { get; }

        /// <summary>Form fields instead of a JSON body (OAuth token requests).</summary>
        public IReadOnlyList<KeyValuePair<string, string>>? Form { get; private set; }

        /// <summary>
        /// Sending it twice leaves the same state as sending it once, so a 5xx or a lost answer may
        /// be retried. A POST that creates something is not: it is looked up instead.
        /// </summary>
        public bool Repeatable { get; }

        /// <summary>
        /// The body is a whole value merged onto what an earlier read returned (a connection's
        /// <c>options</c>, a client's redirect-URI list). Sent again after a wait, it would put back
        /// what another writer changed meanwhile; so the transport never sends it twice, and hands
        /// every failure it would otherwise retry back to the caller with the wait
        /// (<see cref="ApiException.RetryAfter"/>), which reads again and merges again (<see cref="CheckedWrite{T}"/>).
        /// </summary>
        public bool BuiltFromRead { get; }

        public static ApiRequest Get(string pathAndQuery) => new ApiRequest(HttpMethod.Get, pathAndQuery, null, repeatable: true);

        public static ApiRequest Delete(string pathAndQuery) => new ApiRequest(HttpMethod.Delete, pathAndQuery, null, repeatable: true);

        public static ApiRequest Put(string pathAndQuery, JToken? body = null) => new ApiRequest(HttpMethod.Put, pathAndQuery, body, repeatable: true);

        public static ApiRequest Post(string pathAndQuery, JToken body) => new ApiRequest(HttpMethod.Post, pathAndQuery, body, repeatable: false);

        /// <summary>A PATCH that sets values which do not depend on what was read (statuses, not a toggle) is safe to repeat.</summary>
        public static ApiRequest Patch(string pathAndQuery, JToken body) => new ApiRequest(new HttpMethod("PATCH"), pathAndQuery, body, repeatable: true);

        /// <summary>A PATCH that writes back a whole value merged onto a read; see <see cref="BuiltFromRead"/>.</summary>
        public static ApiRequest PatchFromRead(string pathAndQuery, JToken body) => new ApiRequest(new HttpMethod("PATCH"), pathAndQuery, body, repeatable: false, builtFromRead: true);

        /// <summary>
        /// A web page, fetched as a browser would on its first visit: a GET changes nothing, so it
        /// may be repeated.
        /// </summary>
        public static ApiRequest Page(Uri url) =>
            new ApiRequest(HttpMethod.Get, url.AbsolutePath, null, repeatable: true) { Url = url, Accept = "text/html" };

        /// <summary>A token request creates nothing, so it may be repeated.</summary>
        public static ApiRequest PostForm(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form) =>
            new ApiRequest(HttpMethod.Post, pathAndQuery, null, repeatable: true) { Form = form };
    }
}
