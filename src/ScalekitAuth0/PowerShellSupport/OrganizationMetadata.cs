using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>-Metadata of New- and Set-ScalekitOrganization, as the client sends it.</summary>
    internal static class OrganizationMetadata
    {
        public static IReadOnlyDictionary<string, string>? From(Hashtable? metadata) =>
            metadata?.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString(), e => e.Value?.ToString() ?? "", StringComparer.Ordinal);

        /// <summary>Whether the organization holds exactly these pairs.</summary>
        public static bool Holds(ScalekitOrganization organization, IReadOnlyDictionary<string, string> metadata) =>
            metadata.Count == organization.Metadata.Count && metadata.All(pair => organization.Metadata.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
