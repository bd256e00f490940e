using System.Linq;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// An Auth0 connection as the API returned it. The whole JSON is kept, unknown keys included,
    /// because a PATCH of <c>options</c> replaces it wholesale: whatever we drop, Auth0 deletes.
    /// </summary>
    internal sealed class Auth0Connection
    {
        public Auth0Connection(JObject json)
        {
            Json = json;
        }

        public JObject Json { get; }

        public string Id => (string?)Json["id"] ?? "";

        public string Name => (string?)Json["name"] ?? "";

        public string? DisplayName => (string?)Json["display_name"];

        public string Strategy => (string?)Json["strategy"] ?? "";

        public bool ShowAsButton => (bool?)Json["show_as_button"] ?? false;

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

        public string? Option(string key) => Options?[key]?.Type == JTokenType.String ? (string?)Options[key] : null;

        public string[] DomainAliases => (Options?["domain_aliases"] as JArray)?.Select(t => (string?)t).Where(t => t is not null).Select(t => t!).ToArray() ?? new string[0];
    }
}
