using Newtonsoft.Json.Linq;

namespace ScalekitAuth0
{
    /// <summary>
    /// One SSO connection of a Scalekit organization: the customer's identity provider, which the
    /// customer's IT admin sets up in the Admin Portal. Only an active one (completed and enabled)
    /// receives logins; otherwise Scalekit answers <c>no_active_connections</c>.
    /// </summary>
    public sealed class ScalekitSsoConnection
    {
        public const string CompletedStatus = "COMPLETED";

        public string Id { get; private set; } = "";

        /// <summary>The organization's id: piped on, it binds to <c>-Organization</c>.</summary>
        public string Organization { get; private set; } = "";

        /// <summary>The identity provider's kind: OKTA, MICROSOFT_AD, GOOGLE, ... or CUSTOM.</summary>
        public string Provider { get; private set; } = "";

        /// <summary>OIDC or SAML.</summary>
        public string Type { get; private set; } = "";

        /// <summary>DRAFT, IN_PROGRESS or COMPLETED: how far the IT admin got in the Admin Portal.</summary>
        public string Status { get; private set; } = "";

        public bool Enabled { get; private set; }

        /// <summary>Completed and enabled: Scalekit sends the organization's users to it.</summary>
        public bool Active => Enabled && Status == CompletedStatus;

        /// <summary>The Scalekit environment the connection lives in.</summary>
        public string Environment { get; private set; } = "";

        internal static ScalekitSsoConnection From(JObject json, string environment) => new ScalekitSsoConnection
        {
            Id = (string?)json["id"] ?? "",
            Organization = (string?)json["organization_id"] ?? "",
            Provider = (string?)json["provider"] ?? "",
            Type = (string?)json["type"] ?? "",
            Status = (string?)json["status"] ?? "",
            Enabled = json["enabled"]?.Type == JTokenType.Boolean && (bool)json["enabled"]!,
            Environment = environment,
        };

        public override string ToString() => $"{Provider} {Type} ({Id})";
    }
}
