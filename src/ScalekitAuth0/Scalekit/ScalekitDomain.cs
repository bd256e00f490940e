using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>A domain of a Scalekit organization; the id is what deleting it takes.</summary>
    public sealed class ScalekitDomain
    {
        public ScalekitDomain(string id, string name, string organizationId)
        {
            Id = id;
            Name = name;
            OrganizationId = organizationId;
        }

        public string Id { get; }
        public string Name { get; }
        public string OrganizationId { get; }

        internal static ScalekitDomain From(JObject json) =>
            new ScalekitDomain((string?)json["id"] ?? "", (string?)json["domain"] ?? "", (string?)json["organization_id"] ?? "");
    }
}
