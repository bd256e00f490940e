using System.Security;
using System.Threading.Tasks;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    internal sealed partial class ScalekitClient
    {
        /// <summary>
        /// Whether Scalekit's token endpoint accepts the client id and secret (the ones Auth0 holds),
        /// by asking for a client-credentials token exactly as Auth0 will authenticate. Null when it
        /// accepts them, else Scalekit's reason. Failures that say nothing about the credentials
        /// (no answer, a 5xx) are thrown.
        /// </summary>
        public async Task<string?> CredentialsRefusalAsync(string clientId, SecureString clientSecret, Operation operation)
        {
            try
            {
                await new ClientCredentialsTokenSource(Transport, clientId, clientSecret, audience: null).GetTokenAsync(operation).ConfigureAwait(false);
                return null;
            }
            catch (ApiException e) when (e.Kind == ApiErrorKind.Unauthorized || e.Kind == ApiErrorKind.BadRequest)
            {
                return e.ErrorCode is null ? e.ApiMessage : $"{e.ApiMessage} ({e.ErrorCode})";
            }
        }
    }
}
