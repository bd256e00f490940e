using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    internal sealed partial class ScalekitClient
    {
        internal async Task<ScalekitClientInfo> GetClientAsync(string clientId, Operation operation)
        {
            var answer = await Transport.SendAsync(ApiRequest.Get(ClientPath(clientId)), operation).ConfigureAwait(false);
            return ScalekitClientInfo.Parse(answer, clientId) ?? throw NotAClient("GET", clientId);
        }

        /// <summary>
        /// Sets the client's whole list of allowed redirect URIs, under the key its server uses. The
        /// body is not wrapped, and Scalekit replaces only the keys sent, each array whole: so the
        /// request may be repeated, and every other setting of the client stays as it is.
        /// </summary>
        internal async Task<ScalekitClientInfo> UpdateRedirectUrisAsync(ScalekitClientInfo client, IReadOnlyList<string> redirectUris, Operation operation)
        {
            var body = new JObject { [client.RedirectUriField] = new JArray(redirectUris) };
            var answer = await Transport.SendAsync(ApiRequest.Patch(ClientPath(client.Id), body, repeatable: true), operation).ConfigureAwait(false);
            return ScalekitClientInfo.Parse(answer, client.Id) ?? throw NotAClient("PATCH", client.Id);
        }

        private static string ClientPath(string clientId) => "api/v1/clients/" + Uri.EscapeDataString(clientId);

        private ApiException NotAClient(string method, string clientId) =>
            new ApiException(Transport.Service, method, "/" + ClientPath(clientId), 200, ApiErrorKind.InvalidResponse, null,
                "the answer was not a client object with a list of redirect URIs", outcomeUnknown: false);
    }
}
