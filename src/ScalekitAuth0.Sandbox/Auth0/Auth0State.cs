using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// Everything the Auth0 emulator remembers: connections, clients (applications and the M2M callers
/// the token endpoint knows), custom domains and the login prompt settings. The <c>Find*</c> lookups
/// expect the lock held.
/// </summary>
internal sealed class Auth0State : LockedState
{
    private readonly SeedCredentials _seeds;
    private long _clientSeq;

    public Auth0State(SeedCredentials seeds)
    {
        _seeds = seeds;
        Reset();
    }

    public Dictionary<string, StoredConnection> Connections { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredClient> Clients { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredCustomDomain> CustomDomains { get; } = new(StringComparer.Ordinal);

    /// <summary><c>/api/v2/prompts</c>; a new tenant's: the New Universal Login with the one-step prompt.</summary>
    public JsonObject Prompts { get; private set; } = new();

    public void Reset() => Locked(() =>
    {
        Connections.Clear();
        Clients.Clear();
        CustomDomains.Clear();
        Prompts = new JsonObject { ["universal_login_experience"] = "new", ["identifier_first"] = false, ["webauthn_platform_first_factor"] = false };
        AddClient("My App", "regular_web", null, callbacks: ["https://myapp.example.com/callback"]);
        AddClient("Other App", "spa", null, callbacks: ["https://other.example.com/callback"]);
        AddClient("ScalekitAuth0 Sandbox M2M", "non_interactive", Auth0Scopes.Module, _seeds.Auth0ClientId, _seeds.Auth0ClientSecret);
    });

    /// <param name="callbacks">The application's allowed callback URLs, which <c>/authorize</c> checks.</param>
    public StoredClient AddClient(string name, string appType, IEnumerable<string>? scopes, string? clientId = null, string? secret = null, IEnumerable<string>? callbacks = null)
    {
        var fields = new JsonObject { ["name"] = name, ["app_type"] = appType };
        if (callbacks is not null)
        {
            fields["callbacks"] = JsonBody.Strings(callbacks);
        }
        return StoreClient(StoredClient.Defaults(fields), scopes, clientId, secret);
    }

    public StoredClient StoreClient(JsonObject fields, IEnumerable<string>? scopes, string? clientId = null, string? secret = null) => Locked(() =>
    {
        var client = new StoredClient
        {
            Seq = ++_clientSeq,
            ClientId = clientId ?? RandomId.Alphanumeric(32),
            ClientSecret = secret ?? RandomId.Alphanumeric(64),
            Fields = fields,
            GrantedScopes = scopes?.ToHashSet(StringComparer.Ordinal),
        };
        Clients[client.ClientId] = client;
        return client;
    });

    /// <summary>
    /// A connection stored without the create's checks, as another tool or an older API version may
    /// have left one in a real tenant (a non-string alias, a string <c>upstream_params</c>).
    /// </summary>
    public StoredConnection StoreAsGiven(JsonObject body) => Locked(() =>
    {
        var fields = (JsonObject)body.DeepClone();
        fields.Remove("name", out var name);
        fields.Remove("strategy", out var strategy);
        var connection = new StoredConnection
        {
            Id = "con_" + RandomId.Alphanumeric(16),
            Name = name?.GetValue<string>() ?? "unchecked",
            Strategy = strategy?.GetValue<string>() ?? "oidc",
            Fields = fields,
        };
        Connections[connection.Id] = connection;
        return connection;
    });

    public StoredClient FindClient(string id) =>
        Clients.TryGetValue(id, out var client) ? client : throw Auth0Wire.Error(404, "The client does not exist", "inexistent_client");

    public StoredConnection FindConnection(string id) =>
        Connections.TryGetValue(id, out var connection)
            ? connection
            : throw Auth0Wire.Error(404, "The connection does not exist", "inexistent_connection");

    public StoredCustomDomain FindCustomDomain(string id) =>
        CustomDomains.TryGetValue(id, out var domain)
            ? domain
            : throw Auth0Wire.Error(404, $"The custom domain {id} does not exist", "inexistent_custom_domain");
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

    /// <summary>The defaults Auth0 answers a bare <c>{"name"}</c> create with (recorded), around what was sent.</summary>
    public static JsonObject Defaults(JsonObject sent)
    {
        var jwt = new JsonObject { ["secret_encoded"] = false };
        foreach (var (key, value) in sent["jwt_configuration"] as JsonObject ?? new JsonObject { ["lifetime_in_seconds"] = 36000 })
        {
            jwt[key] = value?.DeepClone();
        }
        var fields = new JsonObject
        {
            ["name"] = sent["name"]?.DeepClone(),
            ["is_first_party"] = true,
            ["is_token_endpoint_ip_header_trusted"] = false,
            ["oidc_conformant"] = false,
            ["jwt_configuration"] = jwt,
            ["signing_keys"] = new JsonArray(new JsonObject { ["cert"] = "-----BEGIN CERTIFICATE-----\nsandbox\n-----END CERTIFICATE-----" }),
            ["sso_disabled"] = false,
            ["cross_origin_authentication"] = false,
            ["grant_types"] = new JsonArray("authorization_code", "implicit", "refresh_token", "client_credentials"),
            ["custom_login_page_on"] = true,
            ["refresh_token"] = new JsonObject
            {
                ["rotation_type"] = "non-rotating",
                ["expiration_type"] = "non-expiring",
                ["leeway"] = 0,
                ["token_lifetime"] = 2592000,
                ["infinite_token_lifetime"] = true,
                ["infinite_idle_token_lifetime"] = true,
                ["idle_token_lifetime"] = 1296000,
            },
        };
        foreach (var (key, value) in sent)
        {
            if (key != "jwt_configuration")
            {
                fields[key] = value?.DeepClone();
            }
        }
        return fields;
    }

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
