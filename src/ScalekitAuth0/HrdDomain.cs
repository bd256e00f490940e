using ScalekitAuth0.Auth0;

namespace ScalekitAuth0
{
    /// <summary>One email domain Auth0's Home Realm Discovery sends to a connection.</summary>
    public sealed class HrdDomain
    {
        public string Domain { get; private set; } = "";
        public string ConnectionName { get; private set; } = "";
        public string ConnectionId { get; private set; } = "";

        /// <summary>The Auth0 tenant's domain the connection lives in.</summary>
        public string Tenant { get; private set; } = "";

        /// <summary>The context it was read with: piped into another cmdlet, it is acted on in that tenant. Shows no secret.</summary>
        public Auth0Context? TenantContext { get; private set; }

        internal static HrdDomain From(string domain, Auth0Connection connection, Auth0Context tenant) => new HrdDomain
        {
            Domain = domain,
            ConnectionName = connection.Name,
            ConnectionId = connection.Id,
            Tenant = tenant.Domain,
            TenantContext = tenant,
        };

        public override string ToString() => Domain;
    }
}
