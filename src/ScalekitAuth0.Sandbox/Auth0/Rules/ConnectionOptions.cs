using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Auth0.Rules;

/// <summary>What Auth0 stores for a connection's options: the sent ones, checked, with <c>oidc_metadata</c>, back-filled endpoints and the server defaults.</summary>
internal static class ConnectionOptions
{
    private static readonly string[] Endpoints = ["issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"];

    /// <summary>
    /// Validates <paramref name="sent"/> and returns the options as Auth0 stores them: unknown keys kept,
    /// oidc_metadata from the sent one, the discovery document or the explicit endpoints, null or
    /// missing endpoints back-filled from it, and the server defaults added.
    /// </summary>
    public static async Task<JsonObject> NormalizeAsync(string strategy, JsonObject sent)
    {
        var options = (JsonObject)sent.DeepClone();
        ConnectionValidation.ValidateOptions(strategy, options);
        var metadata = strategy == Strategies.Okta ? OktaMetadata(options) : await OidcMetadataAsync(options);
        if (metadata is not null)
        {
            foreach (var endpoint in Endpoints)
            {
                if (options[endpoint] is null && metadata[endpoint] is { } discovered)
                {
                    options[endpoint] = discovered.DeepClone();
                }
            }
            options["oidc_metadata"] = metadata;
        }
        foreach (var required in new[] { "issuer", "authorization_endpoint", "jwks_uri" })
        {
            if (strategy == Strategies.Oidc && options[required] is null)
            {
                throw Auth0Wire.InvalidBody($"Payload validation error: 'Missing required property: {required}' on property options.");
            }
        }
        options["schema_version"] = "oidc-V4";
        options["type"] ??= strategy == Strategies.Okta ? "back_channel" : "front_channel";
        options["attribute_map"] ??= new JsonObject { ["mapping_mode"] = strategy == Strategies.Okta ? "basic_profile" : "bind_all" };
        options["connection_settings"] ??= new JsonObject { ["pkce"] = "auto" };
        return options;
    }

    /// <summary>
    /// Auth0 fetches the discovery document when oidc_metadata is not sent. The sandbox can only reach
    /// loopback, so it fetches loopback URLs for real and otherwise builds the metadata from the
    /// explicit endpoints. Without a discovery_url and without oidc_metadata Auth0 stores none (recorded).
    /// </summary>
    private static async Task<JsonObject?> OidcMetadataAsync(JsonObject options)
    {
        if (options["oidc_metadata"] is JsonObject sent)
        {
            return WithServerFlags((JsonObject)sent.DeepClone());
        }
        if (options["discovery_url"] is not JsonValue discoveryValue)
        {
            return null;
        }
        var url = discoveryValue.GetValue<string>();
        if (DiscoveryFetch.IsLoopback(url) && await DiscoveryFetch.FetchAsync(url) is { } fetched)
        {
            return WithServerFlags(fetched);
        }
        if (options["issuer"] is null || options["authorization_endpoint"] is null || options["jwks_uri"] is null)
        {
            throw Auth0Wire.InvalidBody($"Unable to retrieve the OIDC discovery document from {url}");
        }
        var built = new JsonObject();
        foreach (var endpoint in Endpoints)
        {
            if (options[endpoint] is { } value)
            {
                built[endpoint] = value.DeepClone();
            }
        }
        built["response_types_supported"] = new JsonArray("code", "id_token", "code id_token");
        built["subject_types_supported"] = new JsonArray("public");
        built["id_token_signing_alg_values_supported"] = new JsonArray("RS256");
        return WithServerFlags(built);
    }

    /// <summary>The four flags Auth0 adds to every stored oidc_metadata (recorded), when the document leaves them out.</summary>
    private static JsonObject WithServerFlags(JsonObject metadata)
    {
        foreach (var flag in new[] { "claims_parameter_supported", "request_parameter_supported", "request_uri_parameter_supported", "require_request_uri_registration" })
        {
            metadata[flag] ??= false;
        }
        return metadata;
    }

    /// <summary>Okta connections take their metadata from the Okta domain's own discovery (recorded); this is its shape.</summary>
    private static JsonObject? OktaMetadata(JsonObject options)
    {
        if (options["domain"] is not JsonValue domainValue)
        {
            return null;
        }
        var root = "https://" + domainValue.GetValue<string>();
        return new JsonObject
        {
            ["issuer"] = root,
            ["authorization_endpoint"] = root + "/oauth2/v1/authorize",
            ["token_endpoint"] = root + "/oauth2/v1/token",
            ["userinfo_endpoint"] = root + "/oauth2/v1/userinfo",
            ["registration_endpoint"] = root + "/oauth2/v1/clients",
            ["jwks_uri"] = root + "/oauth2/v1/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "code token", "id_token token", "code id_token token"),
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post", "okta_post_message"),
            ["grant_types_supported"] = new JsonArray("authorization_code", "implicit", "refresh_token", "password"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["scopes_supported"] = new JsonArray("openid", "email", "profile", "address", "phone", "offline_access", "groups"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["introspection_endpoint"] = root + "/oauth2/v1/introspect",
            ["revocation_endpoint"] = root + "/oauth2/v1/revoke",
            ["end_session_endpoint"] = root + "/oauth2/v1/logout",
            ["request_parameter_supported"] = true,
            ["claims_parameter_supported"] = false,
            ["request_uri_parameter_supported"] = false,
            ["require_request_uri_registration"] = false,
        };
    }
}
