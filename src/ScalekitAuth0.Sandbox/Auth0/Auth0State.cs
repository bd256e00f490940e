using System.Text.Json.Nodes;

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

/// <summary>An enterprise connection. <see cref="Fields"/> holds every top-level key but the ones kept apart.</summary>
internal sealed class StoredConnection
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Strategy { get; init; }
    public required JsonObject Fields { get; set; }
    /// <summary>Enabled clients in the order they were enabled; the legacy <c>enabled_clients</c> mirrors it.</summary>
    public List<string> EnabledClients { get; } = new();

    private static readonly string[] Order =
        ["id", "options", "strategy", "name", "is_domain_connection", "show_as_button", "authentication", "connected_accounts", "display_name", "metadata"];

    /// <summary>The connection as Auth0 answers it: options only for callers that may read them.</summary>
    public JsonObject Render(bool withOptions, bool withEnabledClients = true)
    {
        var all = (JsonObject)Fields.DeepClone();
        all["id"] = Id;
        all["strategy"] = Strategy;
        all["name"] = Name;
        var result = new JsonObject();
        foreach (var key in Order.Concat(all.Select(p => p.Key).Where(k => !Order.Contains(k)).ToList()))
        {
            if (all.Remove(key, out var value) && (withOptions || key != "options"))
            {
                result[key] = value;
            }
        }
        if (withEnabledClients)
        {
            result["enabled_clients"] = new JsonArray(EnabledClients.Select(c => (JsonNode?)c).ToArray());
        }
        result["realms"] = new JsonArray(Name);
        return result;
    }
}

/// <summary>An Auth0 application (what /api/v2/clients lists); M2M ones also carry credentials and granted scopes.</summary>
internal sealed class StoredClient
{
    public required long Seq { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required JsonObject Fields { get; init; }
    /// <summary>Scopes on the Management API audience; null for an application that cannot get a Management API token.</summary>
    public IReadOnlySet<string>? GrantedScopes { get; init; }

    /// <summary>Recorded order: name, description, client_id, client_secret, then the rest; secrets need read:client_keys.</summary>
    public JsonObject Render(bool withSecrets)
    {
        var result = new JsonObject { ["name"] = Fields["name"]?.DeepClone() };
        if (Fields["description"] is { } description)
        {
            result["description"] = description.DeepClone();
        }
        result["client_id"] = ClientId;
        if (withSecrets)
        {
            result["client_secret"] = ClientSecret;
        }
        foreach (var (key, value) in Fields)
        {
            if (key is not ("name" or "description") && (withSecrets || key != "signing_keys"))
            {
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }
}

internal sealed class StoredCustomDomain
{
    public required string Id { get; init; }
    public required string Domain { get; init; }
    public required JsonObject Fields { get; init; }
    public bool IsDefault { get; set; }

    /// <summary>
    /// Recorded shapes: the certificate shows on a single read of an Auth0-managed domain and on
    /// listed domains once they are ready, never in the create answer.
    /// </summary>
    public JsonObject Render(bool withCertificate)
    {
        var result = new JsonObject
        {
            ["custom_domain_id"] = Id,
            ["domain"] = Domain,
        };
        foreach (var (key, value) in Fields)
        {
            if (key == "certificate" && !withCertificate)
            {
                continue;
            }
            result[key] = key == "is_default" ? IsDefault : value?.DeepClone();
        }
        return result;
    }
}
