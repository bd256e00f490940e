using Newtonsoft.Json.Linq;

namespace ScalekitAuth0
{
    /// <summary>
    /// How the tenant's login page asks for the user (<c>GET /api/v2/prompts</c>). Auth0 routes an
    /// email address to its connection by domain only when <see cref="IdentifierFirst"/> is on and
    /// the experience is the New Universal Login.
    /// </summary>
    public sealed class Auth0LoginPrompt
    {
        public const string NewExperience = "new";
        public const string ClassicExperience = "classic";

        /// <summary>The login page asks for the email address first, then sends the user on by its domain.</summary>
        public bool IdentifierFirst { get; private set; }

        /// <summary><c>new</c> (New Universal Login) or <c>classic</c>.</summary>
        public string UniversalLoginExperience { get; private set; } = "";

        /// <summary>Passkeys or the device's biometrics offered first, before a password.</summary>
        public bool WebAuthnPlatformFirstFactor { get; private set; }

        /// <summary>The Auth0 tenant's domain.</summary>
        public string Tenant { get; private set; } = "";

        /// <summary>Whether Home Realm Discovery can route users by email domain with these settings.</summary>
        public bool RoutesByEmailDomain => IdentifierFirst && UniversalLoginExperience == NewExperience;

        internal static Auth0LoginPrompt From(JObject json, string tenant) => new Auth0LoginPrompt
        {
            IdentifierFirst = json["identifier_first"]?.Type == JTokenType.Boolean && (bool)json["identifier_first"]!,
            UniversalLoginExperience = (string?)json["universal_login_experience"] ?? "",
            WebAuthnPlatformFirstFactor = json["webauthn_platform_first_factor"]?.Type == JTokenType.Boolean && (bool)json["webauthn_platform_first_factor"]!,
            Tenant = tenant,
        };

        public override string ToString() => $"IdentifierFirst={IdentifierFirst}, UniversalLoginExperience={UniversalLoginExperience}";
    }
}
