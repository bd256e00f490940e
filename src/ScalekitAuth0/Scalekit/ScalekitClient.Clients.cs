using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    public sealed partial class ScalekitClient
    {
        /// <summary>A read-back that still misses the change after this many writes means something else keeps undoing it.</summary>
        private const int RedirectUriWriteRounds = 3;

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

        /// <summary>
        /// Writes the change and reads the client back. The PATCH replaces the whole list, so two
        /// writers that read the same list lose each other's URIs; the read-back sees that, and the
        /// change is merged into what is there now (a bounded number of times). Scalekit refusing the
        /// list for its cap is the same error as the module seeing that the URIs do not fit.
        /// </summary>
        internal async Task<ScalekitClientInfo> ApplyRedirectUriChangeAsync(ScalekitClientInfo client, RedirectUriChange change, Operation operation)
        {
            var current = client;
            for (var round = 1; round <= RedirectUriWriteRounds; round++)
            {
                try
                {
                    await UpdateRedirectUrisAsync(current, change.ApplyTo(current.RedirectUris), operation).ConfigureAwait(false);
                }
                catch (ApiException e) when (RedirectUriLimit.IsRefusal(e, current.RedirectUriField))
                {
                    throw RedirectUriLimit.Exceeded(client.Id, current.RedirectUriField, current.RedirectUris, change.Missing(current.RedirectUris), stored: true, e);
                }
                current = await GetClientAsync(client.Id, operation).ConfigureAwait(false);
                if (change.IsSatisfiedBy(current.RedirectUris))
                {
                    return current;
                }
                operation.Log.Verbose($"Scalekit client {client.Id} does not show the change after write {round}; another writer may have replaced its list. Merging again.");
            }
            throw new ScalekitAuth0Exception("RedirectUrisNotKept", ApiErrorKind.Conflict,
                $"Scalekit client {client.Id} still does not show the change to its {current.RedirectUriField} after {RedirectUriWriteRounds} writes.",
                "Something else keeps rewriting the client's redirect URIs, or this Scalekit deployment ignores the field; check the client in the Scalekit dashboard (Authentication > Redirects), then run the command again.");
        }

        private static string ClientPath(string clientId) => "api/v1/clients/" + Uri.EscapeDataString(clientId);

        private ApiException NotAClient(string method, string clientId) =>
            new ApiException(Transport.Service, method, "/" + ClientPath(clientId), 200, ApiErrorKind.InvalidResponse, null,
                "the answer was not a client object with a list of redirect URIs", outcomeUnknown: false);
    }
}
