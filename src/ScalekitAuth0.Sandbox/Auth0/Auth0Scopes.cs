namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>The Management API scopes the sandbox checks.</summary>
public static class Auth0Scopes
{
    public const string ReadConnections = "read:connections";
    public const string CreateConnections = "create:connections";
    public const string UpdateConnections = "update:connections";
    public const string DeleteConnections = "delete:connections";
    public const string ReadConnectionsOptions = "read:connections_options";
    public const string UpdateConnectionsOptions = "update:connections_options";
    public const string ReadClients = "read:clients";
    public const string ReadCustomDomains = "read:custom_domains";
    public const string ReadPrompts = "read:prompts";
    public const string UpdatePrompts = "update:prompts";

    /// <summary>What the seeded machine-to-machine client is granted: every scope the module needs, no more.</summary>
    public static IReadOnlyList<string> Module { get; } =
    [
        ReadConnections, CreateConnections, UpdateConnections, DeleteConnections,
        ReadConnectionsOptions, UpdateConnectionsOptions, ReadClients, ReadCustomDomains, ReadPrompts, UpdatePrompts,
    ];

    // Beyond the module's needs: what the recorded upstream tests used to make and remove their
    // own clients and custom domains, and to see client secrets.
    public const string CreateClients = "create:clients";
    public const string DeleteClients = "delete:clients";
    public const string ReadClientKeys = "read:client_keys";
    public const string CreateCustomDomains = "create:custom_domains";
    public const string DeleteCustomDomains = "delete:custom_domains";
}
