using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// The tenant's login prompt settings (<c>/api/v2/prompts</c>). Home Realm Discovery routes by
    /// email domain only with Identifier First on the New Universal Login.
    /// </summary>
    internal sealed partial class Auth0Client
    {
        public const string PromptsReadScope = "read:prompts";

        private const string PromptsPath = "api/v2/prompts";

        public async Task<Auth0LoginPrompt> GetLoginPromptAsync(Operation operation) =>
            LoginPrompt(await Transport.SendAsync(ApiRequest.Get(PromptsPath), operation).ConfigureAwait(false), "GET");

        /// <summary>Sends only the keys given; each is a whole value, so the PATCH may be retried.</summary>
        public async Task<Auth0LoginPrompt> UpdateLoginPromptAsync(JObject changes, Operation operation) =>
            LoginPrompt(await Transport.SendAsync(ApiRequest.Patch(PromptsPath, changes, repeatable: true), operation).ConfigureAwait(false), "PATCH");

        private Auth0LoginPrompt LoginPrompt(JToken? answer, string method) =>
            answer is JObject json
                ? Auth0LoginPrompt.From(json, Transport.BaseUri.IsDefaultPort ? Transport.BaseUri.Host : Transport.BaseUri.Authority)
                : throw new ApiException(Transport.Service, method, "/" + PromptsPath, 200, ApiErrorKind.InvalidResponse, null, "the answer was not a prompt settings object", outcomeUnknown: false);
    }
}
