using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScalekitAuth0.Sandbox.Auth0.Rules;

/// <summary>
/// What the Management API refuses in a connection body, for the two strategies the sandbox
/// emulates (reference §1, §2, §8; the recordings where they differ). Nothing here changes the body.
/// </summary>
internal static partial class ConnectionValidation
{
    private const string NameDescription =
        "The name of the connection. Must start and end with an alphanumeric character and can only contain alphanumeric characters and '-'. Max length 128";

    private static readonly string[] CommonKeys =
    [
        "display_name", "options", "enabled_clients", "is_domain_connection", "show_as_button", "metadata",
        "realms", "authentication", "connected_accounts", "cross_app_access_requesting_app", "cross_app_access_resource_app",
    ];

    private static readonly HashSet<string> CreateKeys = new(CommonKeys.Concat(["name", "strategy"]), StringComparer.Ordinal);
    private static readonly HashSet<string> UpdateKeys = new(CommonKeys, StringComparer.Ordinal);

    /// <summary>Option keys that must be strings when present. Recordings show JSON null accepted for the ones marked nullable.</summary>
    private static readonly (string Key, bool Nullable)[] StringOptions =
    [
        ("client_id", false), ("client_secret", true), ("issuer", false), ("authorization_endpoint", false),
        ("jwks_uri", false), ("discovery_url", true), ("token_endpoint", true), ("userinfo_endpoint", true),
        ("scope", false), ("domain", false), ("tenant_domain", false), ("icon_url", false),
    ];

    [GeneratedRegex("^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^((?!-))(xn--)?([a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\.)*(xn--)?[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?$")]
    private static partial Regex HostnamePattern();

    /// <summary>Checks a POST body; returns the name and strategy.</summary>
    public static (string Name, string Strategy) ValidateCreate(JsonObject body)
    {
        RejectUnknownKeys(body, CreateKeys);
        var name = body["name"] switch
        {
            null when !body.ContainsKey("name") => throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: name'."),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => throw Auth0Wire.InvalidBody(
                $"Payload validation error: 'Expected type string but found type {Auth0Wire.TypeName(other)}' on property name ({NameDescription})."),
        };
        ValidateName(name);
        var strategy = body["strategy"] is JsonValue s && s.GetValueKind() == JsonValueKind.String
            ? s.GetValue<string>()
            : throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: strategy'.");
        if (!Strategies.IsEmulated(strategy))
        {
            throw Auth0Wire.Error(501, $"The sandbox emulates only oidc and okta connections, not '{strategy}'.", "not_emulated");
        }
        ValidateCommon(body);
        if (body["options"] is null)
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: client_id' on property options.");
        }
        return (name, strategy);
    }

    public static void ValidateUpdate(JsonObject body)
    {
        // Auth0 names strategy before name in this message (alexkappa/terraform-provider-auth0#24).
        var refused = new[] { "strategy", "name" }.Where(body.ContainsKey)
            .Concat(body.Select(p => p.Key).Where(k => k is not ("strategy" or "name") && !UpdateKeys.Contains(k)))
            .ToList();
        if (refused.Count > 0)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', refused)}'.");
        }
        ValidateCommon(body);
    }

    private static void ValidateName(string name)
    {
        if (name.Length is < 1 or > 128)
        {
            var rule = name.Length < 1 ? "String is too short (0 chars), minimum 1" : $"String is too long ({name.Length} chars), maximum 128";
            throw Auth0Wire.InvalidBody($"Payload validation error: '{rule}' on property name ({NameDescription}).");
        }
        if (!NamePattern().IsMatch(name))
        {
            throw Auth0Wire.InvalidBody(
                $"Payload validation error: 'String does not match pattern ^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$: {name}' on property name ({NameDescription}).");
        }
    }

    private static void RejectUnknownKeys(JsonObject body, HashSet<string> allowed)
    {
        var unknown = body.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', unknown)}'.");
        }
    }

    private static void ValidateCommon(JsonObject body)
    {
        if (body.ContainsKey("realms"))
        {
            throw Auth0Wire.InvalidBody("Realms is only supported for database connections.");
        }
        if (body.ContainsKey("display_name"))
        {
            var display = body["display_name"] is JsonValue d && d.GetValueKind() == JsonValueKind.String
                ? d.GetValue<string>()
                : throw Auth0Wire.InvalidBody(
                    $"Payload validation error: 'Expected type string but found type {Auth0Wire.TypeName(body["display_name"])}' on property display_name.");
            if (display.Length is < 1 or > 128)
            {
                throw Auth0Wire.InvalidBody("Payload validation error: 'String length must be between 1 and 128' on property display_name.");
            }
        }
        foreach (var flag in new[] { "is_domain_connection", "show_as_button" })
        {
            RequireType(body, flag, flag, JsonValueKind.True, JsonValueKind.False);
        }
        foreach (var objectKey in new[] { "authentication", "connected_accounts", "metadata" })
        {
            RequireType(body, objectKey, objectKey, JsonValueKind.Object);
        }
        if (body["metadata"] is JsonObject metadata && metadata.Count > 10)
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Too many properties defined, maximum 10' on property metadata.");
        }
        if (body.ContainsKey("enabled_clients") && (body["enabled_clients"] is not JsonArray clients || clients.Any(c => Auth0Wire.TypeName(c) != "string")))
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Expected type array of strings' on property enabled_clients.");
        }
        if (body.ContainsKey("options") && body["options"] is not JsonObject)
        {
            throw Auth0Wire.InvalidBody(
                $"Payload validation error: 'Expected type object but found type {Auth0Wire.TypeName(body["options"])}' on property options.");
        }
    }

    private static void RequireType(JsonObject body, string key, string property, params JsonValueKind[] kinds)
    {
        if (body.ContainsKey(key) && (body[key] is not { } node || !kinds.Contains(node.GetValueKind())))
        {
            var expected = kinds[0] is JsonValueKind.Object ? "object" : "boolean";
            throw Auth0Wire.InvalidBody(
                $"Payload validation error: 'Expected type {expected} but found type {Auth0Wire.TypeName(body[key])}' on property {property}.");
        }
    }

    /// <summary>The options as sent, before Auth0 fills anything in.</summary>
    public static void ValidateOptions(string strategy, JsonObject options)
    {
        if (!options.ContainsKey("client_id"))
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: client_id' on property options.");
        }
        foreach (var (key, nullable) in StringOptions)
        {
            if (!options.ContainsKey(key) || (nullable && options[key] is null))
            {
                continue;
            }
            if (options[key] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                // go-auth0#422: {"issuer": null} is answered with this Joi-style message.
                throw Auth0Wire.InvalidBody($"\"options.{key}\" must be a string");
            }
        }
        if (options["client_id"]!.GetValue<string>().Length > 255)
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'String is too long, maximum 255' on property options.client_id.");
        }
        if (options["type"] is { } type && type.GetValueKind() != JsonValueKind.Null
            && (type.GetValueKind() != JsonValueKind.String || type.GetValue<string>() is not ("back_channel" or "front_channel")))
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'No enum match for: {type.ToJsonString()}' on property options.type.");
        }
        if (options["discovery_url"] is JsonValue discovery && !IsAllowedDiscoveryUrl(discovery.GetValue<string>()))
        {
            throw Auth0Wire.InvalidBody(
                $"Payload validation error: 'String does not match pattern ^https:\\/\\/.*: {discovery.GetValue<string>()}' on property options.discovery_url.");
        }
        ValidateEnum(options["attribute_map"], "mapping_mode", "options.attribute_map.mapping_mode",
            strategy == Strategies.Okta ? ["bind_all", "use_map", "basic_profile"] : ["bind_all", "use_map"]);
        ValidateEnum(options["connection_settings"], "pkce", "options.connection_settings.pkce", ["auto", "S256", "plain", "disabled"]);
        ValidateDomainAliases(options);
    }

    private static void ValidateEnum(JsonNode? holder, string key, string property, string[] allowed)
    {
        if (holder is JsonObject o && o[key] is { } value
            && (value.GetValueKind() != JsonValueKind.String || !allowed.Contains(value.GetValue<string>())))
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'No enum match for: {value.ToJsonString()}' on property {property}.");
        }
    }

    private static void ValidateDomainAliases(JsonObject options)
    {
        if (!options.ContainsKey("domain_aliases"))
        {
            return;
        }
        if (options["domain_aliases"] is not JsonArray aliases)
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Expected type array' on property options.domain_aliases.");
        }
        if (aliases.Count > 1000)
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Array is too long (" + aliases.Count + "), maximum 1000' on property options.domain_aliases.");
        }
        foreach (var alias in aliases)
        {
            var text = alias is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            var valid = text is not null
                && ((text.Length <= 256 && HostnamePattern().IsMatch(text)) || (text.Length <= 255 && Uri.TryCreate(text, UriKind.Absolute, out _)));
            if (!valid)
            {
                throw Auth0Wire.InvalidBody(
                    $"Payload validation error: 'Data does not match any schemas from \"anyOf\"' on property options.domain_aliases ({alias?.ToJsonString()}).");
            }
        }
    }

    /// <summary>The schema wants https; the sandbox also takes plain http on loopback, where its own Scalekit emulator lives.</summary>
    private static bool IsAllowedDiscoveryUrl(string url) =>
        url.StartsWith("https://", StringComparison.Ordinal) || (url.StartsWith("http://", StringComparison.Ordinal) && DiscoveryFetch.IsLoopback(url));
}
