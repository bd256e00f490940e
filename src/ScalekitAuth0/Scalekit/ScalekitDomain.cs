using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>A domain of a Scalekit organization; the id is what deleting it takes.</summary>
    internal sealed class ScalekitDomain
    {
        public ScalekitDomain(string id, string name)
        {
            Id = id;
            Name = name;
        }

        public string Id { get; }
        public string Name { get; }

        internal static ScalekitDomain From(JObject json) => new ScalekitDomain((string?)json["id"] ?? "", (string?)json["domain"] ?? "");
    }
}
