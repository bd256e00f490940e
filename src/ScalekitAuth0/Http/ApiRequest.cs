using System;
using System.Collections.Generic;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>One call to make, relative to a service's base URL.</summary>
    internal sealed class ApiRequest
    {
        private ApiRequest(HttpMethod method, string pathAndQuery, JToken? body, bool repeatable)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Body = body;
            Repeatable = repeatable;
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

        public static ApiRequest Get(string pathAndQuery) => new ApiRequest(HttpMethod.Get, pathAndQuery, null, repeatable: true);

        public static ApiRequest Delete(string pathAndQuery) => new ApiRequest(HttpMethod.Delete, pathAndQuery, null, repeatable: true);

        public static ApiRequest Put(string pathAndQuery, JToken? body = null) => new ApiRequest(HttpMethod.Put, pathAndQuery, body, repeatable: true);

        public static ApiRequest Post(string pathAndQuery, JToken body) => new ApiRequest(HttpMethod.Post, pathAndQuery, body, repeatable: false);

        /// <summary>A PATCH that sets whole values (not a delta such as "append") is safe to repeat.</summary>
        public static ApiRequest Patch(string pathAndQuery, JToken body, bool repeatable) => new ApiRequest(new HttpMethod("PATCH"), pathAndQuery, body, repeatable);

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
