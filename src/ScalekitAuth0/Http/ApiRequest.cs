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

        /// <summary>A token request creates nothing, so it may be repeated.</summary>
        public static ApiRequest PostForm(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form) =>
            new ApiRequest(HttpMethod.Post, pathAndQuery, null, repeatable: true) { Form = form };
    }
}
