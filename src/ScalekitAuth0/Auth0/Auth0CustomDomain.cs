using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Auth0
{
    /// <summary>A custom domain of the Auth0 tenant, reduced to what decides whether logins can come back through it.</summary>
    internal sealed class Auth0CustomDomain
    {
        public Auth0CustomDomain(JObject json)
        {
            Id = (string?)json["custom_domain_id"] ?? "";
            Domain = (string?)json["domain"] ?? "";
            Status = (string?)json["status"] ?? "";
            IsPrimary = (bool?)json["primary"] ?? false;
        }

        public string Id { get; }

        public string Domain { get; }

        /// <summary><c>pending_verification</c>, <c>ready</c> or <c>failed</c>.</summary>
        public string Status { get; }

        /// <summary>The domain Auth0 uses for the tenant's own links; logins most likely start there.</summary>
        public bool IsPrimary { get; }

        /// <summary>Only a verified domain with a certificate serves logins; the others cannot receive a callback.</summary>
        public bool IsReady => Status == "ready" && Domain.Length > 0;
    }
}
