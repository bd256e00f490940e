namespace ScalekitAuth0
{
    /// <summary>How Sync-HrdDomain brought (or, under -WhatIf, would bring) a connection's domains in line with Scalekit.</summary>
    public sealed class HrdDomainSyncResult
    {
        public string ConnectionName { get; internal set; } = "";
        public string ConnectionId { get; internal set; } = "";
        public string Tenant { get; internal set; } = "";

        /// <summary>The context the connection was read with. Shows no secret.</summary>
        public Auth0Context? TenantContext { get; internal set; }

        /// <summary>Domains of Scalekit organizations the connection did not route.</summary>
        public string[] Added { get; internal set; } = new string[0];

        /// <summary>Domains no Scalekit organization owns, taken off with -Prune.</summary>
        public string[] Removed { get; internal set; } = new string[0];

        /// <summary>How many domains the connection routes, and keeps routing, untouched.</summary>
        public int Unchanged { get; internal set; }

        /// <summary>True when the change was written; false when there was nothing to change, under -WhatIf, or when a prompt was declined.</summary>
        public bool Applied { get; internal set; }

        public override string ToString() => $"{ConnectionName}: +{Added.Length} -{Removed.Length} ={Unchanged}";
    }
}
