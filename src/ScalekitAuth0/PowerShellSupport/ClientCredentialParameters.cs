using System;
using System.Management.Automation;
using System.Security;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// The client id and secret a Connect cmdlet signs in with: -Credential, else -ClientId and
    /// -ClientSecret, each falling back to its conventional environment variable.
    /// </summary>
    internal static class ClientCredentialParameters
    {
        public static (string ClientId, SecureString ClientSecret)? Resolve(PSCredential? credential, string? clientId, SecureString? clientSecret, string idVariable, string secretVariable)
        {
            if (credential is not null)
            {
                return (credential.UserName, credential.Password);
            }
            var id = Blank(clientId) ? Environment.GetEnvironmentVariable(idVariable) : clientId;
            var secret = Secret.IsEmpty(clientSecret) ? FromEnvironment(secretVariable) : clientSecret;
            if (Blank(id) && secret is null)
            {
                return null;
            }
            if (Blank(id) || secret is null)
            {
                var missing = Blank(id) ? $"-ClientId (or $env:{idVariable})" : $"-ClientSecret (or $env:{secretVariable})";
                throw new ScalekitAuth0Exception("ClientCredentialsIncomplete", ApiErrorKind.BadRequest,
                    $"A client id and a client secret are both needed; {missing} is missing.",
                    "Pass -Credential (user name = client id, password = client secret), or both -ClientId and -ClientSecret.");
            }
            return (id!.Trim(), secret);
        }

        public static string? Variable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return Blank(value) ? null : value!.Trim();
        }

        public static SecureString? FromEnvironment(string name)
        {
            var value = Variable(name);
            return value is null ? null : Secret.Protect(value);
        }

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
    }
}
