using System;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0
{
    /// <summary>
    /// A single-use Admin Portal link for a customer's IT administrator. Whoever opens it first gets a
    /// six-hour session that can change the organization's SSO, so it is valid for one minute only:
    /// hand it on at once (an iframe, a redirect), do not email it or write it to a log.
    /// </summary>
    public sealed class ScalekitPortalLink
    {
        public string OrganizationId { get; private set; } = "";
        public string Id { get; private set; } = "";
        public string Location { get; private set; } = "";
        public DateTimeOffset? ExpiresOn { get; private set; }

        internal static ScalekitPortalLink From(string organizationId, JObject json) => new ScalekitPortalLink
        {
            OrganizationId = organizationId,
            Id = (string?)json["id"] ?? "",
            Location = (string?)json["location"] ?? "",
            ExpiresOn = (DateTimeOffset?)json["expire_time"],
        };

        public override string ToString() => Location;
    }
}
