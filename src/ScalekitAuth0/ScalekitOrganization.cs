using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0
{
    /// <summary>One enterprise customer in the Scalekit environment. Its <c>Id</c> binds to <c>-Organization</c> of the other cmdlets.</summary>
    public sealed class ScalekitOrganization
    {
        public string Id { get; private set; } = "";
        public string DisplayName { get; private set; } = "";

        /// <summary>The Id again, under the name that binds a piped organization to -Organization (Add-HrdDomain) and not to another cmdlet's -Id.</summary>
        public string OrganizationId => Id;

        /// <summary>The customer's id in your own system; the key that makes New-ScalekitOrganization safe to re-run.</summary>
        public string? ExternalId { get; private set; }

        public IReadOnlyDictionary<string, string> Metadata { get; private set; } = new Dictionary<string, string>();
        public string? RegionCode { get; private set; }
        public DateTimeOffset? CreateTime { get; private set; }
        public DateTimeOffset? UpdateTime { get; private set; }

        /// <summary>
        /// The organization's <c>ORGANIZATION_DOMAIN</c>s (the ones Scalekit routes on), when they were
        /// asked for (Get-ScalekitOrganization -IncludeDomain); null when they were not read.
        /// </summary>
        public string[]? Domains { get; private set; }

        /// <summary>The Scalekit environment the organization lives in.</summary>
        public string Environment { get; private set; } = "";

        /// <summary>The context it was read with: piped into another cmdlet, it is acted on in that environment. Shows no secret.</summary>
        public ScalekitContext? EnvironmentContext { get; private set; }

        internal static ScalekitOrganization From(JObject json, string environment) => new ScalekitOrganization
        {
            Id = (string?)json["id"] ?? "",
            DisplayName = (string?)json["display_name"] ?? "",
            ExternalId = NullIfEmpty((string?)json["external_id"]),
            Metadata = (json["metadata"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? "", StringComparer.Ordinal)
                ?? new Dictionary<string, string>(),
            RegionCode = NullIfEmpty((string?)json["region_code"]),
            CreateTime = (DateTimeOffset?)json["create_time"],
            UpdateTime = (DateTimeOffset?)json["update_time"],
            Environment = environment,
        };

        /// <summary>The organization as read with <paramref name="context"/>; the client that read it knows no contexts.</summary>
        internal ScalekitOrganization ReadWith(ScalekitContext context)
        {
            EnvironmentContext = context;
            return this;
        }

        internal ScalekitOrganization WithDomains(IEnumerable<string> domains)
        {
            var copy = (ScalekitOrganization)MemberwiseClone();
            copy.Domains = domains.OrderBy(d => d, StringComparer.Ordinal).ToArray();
            return copy;
        }

        public override string ToString() => DisplayName;

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
