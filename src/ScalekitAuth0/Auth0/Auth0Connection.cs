using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// An Auth0 connection as the API returned it. The whole JSON is kept, unknown keys included,
    /// because a PATCH of <c>options</c> replaces it wholesale: whatever we drop, Auth0 deletes.
    /// Read tolerantly: one connection another tool left malformed (a non-string alias, a string
    /// <c>upstream_params</c>) must not break every command that lists the tenant; what is malformed
    /// reads as absent, and <see cref="Malformation"/> says what it was.
    /// </summary>
    internal sealed class Auth0Connection
    {
        public Auth0Connection(JObject json)
        {
            Json = json;
        }

        public JObject Json { get; }

        public string Id => Text(Json["id"]) ?? "";

        public string Name => Text(Json["name"]) ?? "";

        public string? DisplayName => Text(Json["display_name"]);

        public string Strategy => Text(Json["strategy"]) ?? "";

        public bool ShowAsButton => Json["show_as_button"]?.Type == JTokenType.Boolean && (bool)Json["show_as_button"]!;

        /// <summary>Null when the token lacks <c>read:connections_options</c>: Auth0 then leaves options out.</summary>
        public JObject? Options => Json["options"] as JObject;

        /// <summary>
        /// The options, or the Auth0OptionsHidden refusal when the token may not read them: whatever is
        /// compared with them, or written back over them, would then be wrong.
        /// </summary>
        /// <param name="consequence">What refusing prevents, as the message's end ("; writing its domains now would erase them").</param>
        public JObject RequireOptions(string consequence) => Options ?? throw new ScalekitAuth0Exception("Auth0OptionsHidden", ApiErrorKind.Forbidden,
            $"Auth0 returned connection '{Name}' without its options{consequence}.",
            "Grant the read:connections_options scope to the Auth0 application, then run Connect-Auth0 again.");

        public string? Option(string key) => Text(Options?[key]);

        /// <summary>The text entries of <c>options.domain_aliases</c>; any other entry is malformed and skipped.</summary>
        public string[] DomainAliases => (Options?["domain_aliases"] as JArray)?.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToArray() ?? new string[0];

        /// <summary>One entry of <c>options.upstream_params</c> (<c>{"alias": …}</c> or <c>{"value": …}</c>), when it is an object.</summary>
        public JObject? UpstreamParam(string name) => (Options?["upstream_params"] as JObject)?[name] as JObject;

        /// <summary>What in the connection has a shape Auth0's schema does not allow, or null when nothing has.</summary>
        public string? Malformation
        {
            get
            {
                var problems = new List<string>();
                var options = Json["options"];
                if (Present(options) && options is not JObject)
                {
                    problems.Add($"options is {Kind(options!)}, not an object");
                }
                var aliases = Options?["domain_aliases"];
                if (Present(aliases) && aliases is not JArray)
                {
                    problems.Add($"options.domain_aliases is {Kind(aliases!)}, not a list");
                }
                var odd = (aliases as JArray)?.Select((alias, index) => (alias, index)).Where(entry => entry.alias.Type != JTokenType.String).ToList();
                if (odd is { Count: > 0 })
                {
                    problems.Add($"options.domain_aliases has {odd.Count} entr{(odd.Count == 1 ? "y" : "ies")} that {(odd.Count == 1 ? "is" : "are")} not text ({string.Join(", ", odd.Take(3).Select(e => $"#{e.index + 1} is {Kind(e.alias)}"))})");
                }
                var upstream = Options?["upstream_params"];
                if (Present(upstream) && upstream is not JObject)
                {
                    problems.Add($"options.upstream_params is {Kind(upstream!)}, not an object");
                }
                foreach (var param in (upstream as JObject)?.Properties().Where(p => p.Value is not JObject) ?? Enumerable.Empty<JProperty>())
                {
                    problems.Add($"options.upstream_params.{param.Name} is {Kind(param.Value)}, not an object");
                }
                return problems.Count == 0 ? null : string.Join("; ", problems);
            }
        }

        private static bool Present(JToken? token) => token is not null && token.Type != JTokenType.Null;

        private static string Kind(JToken token) => token.Type switch
        {
            JTokenType.Object => "an object",
            JTokenType.Array => "a list",
            JTokenType.String => "text",
            JTokenType.Integer or JTokenType.Float => "a number",
            JTokenType.Boolean => "a boolean",
            JTokenType.Null => "null",
            var other => other.ToString().ToLowerInvariant(),
        };

        private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;
    }
}
