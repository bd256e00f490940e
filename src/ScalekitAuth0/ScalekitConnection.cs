using System.Linq;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;

namespace ScalekitAuth0
{
    /// <summary>An Auth0 OIDC connection that signs users in through Scalekit. Carries no secret.</summary>
    public sealed class ScalekitConnection
    {
        public string Id { get; private set; } = "";
        public string Name { get; private set; } = "";
        public string DisplayName { get; private set; } = "";
        public string Strategy { get; private set; } = "";

        /// <summary>The Auth0 tenant's domain the connection lives in.</summary>
        public string Tenant { get; private set; } = "";

        /// <summary>The context it was read with: piped into another cmdlet, it is acted on in that tenant. Shows no secret.</summary>
        public Auth0Context? TenantContext { get; private set; }

        /// <summary><c>back_channel</c> (authorization code) or <c>front_channel</c>.</summary>
        public string? ChannelType { get; private set; }

        public string? Scope { get; private set; }

        /// <summary>The Scalekit client Auth0 signs in as; its allowed redirect URIs must hold Auth0's callback.</summary>
        public string? ClientId { get; private set; }

        public string? DiscoveryUrl { get; private set; }
        public string? Issuer { get; private set; }
        public bool ShowAsButton { get; private set; }

        /// <summary>The email domains Auth0's Home Realm Discovery sends to this connection.</summary>
        public string[] HrdDomains { get; private set; } = new string[0];

        /// <summary>Whether Auth0 passes the user's email on to Scalekit, which routes on its domain.</summary>
        public bool ForwardsLoginHint { get; private set; }

        /// <summary>
        /// The applications the connection is enabled for, by name (by client id when two applications
        /// share the name), as Get-ScalekitConnection, Enable-/Disable-ScalekitConnection -PassThru and
        /// New-ScalekitConnection -EnabledClient read them; null from the commands that did not read
        /// them (the connection object does not carry them: each read is a request of its own).
        /// </summary>
        public string[]? EnabledClients { get; private set; }

        /// <summary>The connection as Auth0 returned it, for the checks of a cmdlet it is piped into.</summary>
        internal Auth0Connection? Source { get; private set; }

        internal static ScalekitConnection From(Auth0Connection connection, Auth0Context? tenant, string[]? enabledClients = null) => new ScalekitConnection
        {
            Id = connection.Id,
            Name = connection.Name,
            DisplayName = connection.DisplayName ?? connection.Name,
            Strategy = connection.Strategy,
            Tenant = tenant?.Domain ?? "",
            TenantContext = tenant,
            ChannelType = connection.Option("type"),
            Scope = connection.Option("scope"),
            ClientId = connection.Option("client_id"),
            DiscoveryUrl = connection.Option("discovery_url"),
            Issuer = connection.Option("issuer"),
            ShowAsButton = connection.ShowAsButton,
            HrdDomains = connection.DomainAliases.ToArray(),
            ForwardsLoginHint = (connection.UpstreamParam("login_hint")?["alias"] as JValue)?.Value as string == "login_hint",
            EnabledClients = enabledClients,
            Source = connection,
        };

        public override string ToString() => Name;
    }
}
