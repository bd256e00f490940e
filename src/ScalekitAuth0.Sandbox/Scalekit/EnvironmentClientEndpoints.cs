using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Sandbox.Scalekit.Rules;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// <c>/api/v1/clients</c>: the environment API client and its redirect URIs. Two shapes: the
/// current proto (<c>post_login_uris</c>, <c>back_channel_logout_uris</c>, <c>client_type</c>, ...)
/// and, behind the legacy switch, the one the 2025 capture shows (<c>redirect_uris</c>,
/// <c>default_redirect_uri</c>, a single <c>back_channel_logout_uri</c>). Each shape's PATCH
/// accepts only its own field names, so the other shape's names are unknown fields (400).
/// </summary>
internal sealed class EnvironmentClientEndpoints(ScalekitState state) : IEndpoints
{
    private static readonly string[] CurrentFields =
    [
        "post_login_uris", "post_logout_redirect_uris", "back_channel_logout_uris", "initiate_login_uri", "name",
        "access_token_expiry", "scopes", "custom_claims", "disallow_scalekit_api_access", "grant_types", "enforce_pkce",
    ];

    private static readonly string[] LegacyFields =
    [
        "redirect_uris", "default_redirect_uri", "post_logout_redirect_uris", "back_channel_logout_uri", "initiate_login_uri",
    ];

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/clients", () => state.Locked(() => JsonBody.Answer(new JsonObject
        {
            ["total_size"] = 1,
            ["clients"] = new JsonArray(Serialize(state.Client, state.LegacyRedirectUris)),
            ["next_page_token"] = "",
            ["prev_page_token"] = "",
        })));
        routes.MapGet("/clients/{client_id}", (string client_id) => state.Locked(() =>
            ScalekitWire.Wrapped("client", Serialize(Find(client_id), state.LegacyRedirectUris))));
        routes.MapPatch("/clients/{client_id}", async (string client_id, HttpRequest request) =>
        {
            var body = await ScalekitWire.ReadObjectAsync(request);
            return state.Locked(() =>
            {
                var client = Find(client_id);
                var legacy = state.LegacyRedirectUris;
                Apply(client, ScalekitWire.Fields(body, legacy ? LegacyFields : CurrentFields), state.MaxLoginUris);
                return ScalekitWire.Wrapped("client", Serialize(client, legacy));
            });
        });
    }

    private EnvironmentClient Find(string clientId) =>
        state.Client.Id == clientId ? state.Client : throw ScalekitWire.NotFound("client not found");

    /// <summary>
    /// Checks every field first, then replaces exactly the fields sent (lists whole), so a refused
    /// PATCH changes nothing. Both shapes' names are handled here; <c>fields</c> holds only the names of the shape in force.
    /// The allowed redirect URIs (either shape's name for them) are capped at <paramref name="maxLoginUris"/>.
    /// </summary>
    private static void Apply(EnvironmentClient client, Dictionary<string, JsonNode?> fields, int maxLoginUris)
    {
        var changes = new List<Action>();
        void Change<T>(T? value, Action<T> apply)
        {
            if (value is not null)
            {
                changes.Add(() => apply(value));
            }
        }
        void Uris(string field, Action<List<string>> apply)
        {
            var uris = ScalekitWire.Strings(fields, field);
            RedirectUriRules.Validate(field, uris ?? []);
            Change(uris, apply);
        }
        void SingleUri(string field, Action<string> apply)
        {
            var uri = ScalekitWire.String(fields, field);
            if (uri is { Length: > 0 })
            {
                RedirectUriRules.Validate(field, uri);
            }
            Change(uri, apply);
        }

        void CappedUris(string field)
        {
            if (ScalekitWire.Strings(fields, field) is { } uris && uris.Count > maxLoginUris)
            {
                throw ScalekitWire.TooManyItems(field, maxLoginUris);
            }
            Uris(field, v => client.LoginUris = v);
        }

        CappedUris("post_login_uris");
        CappedUris("redirect_uris");
        Uris("post_logout_redirect_uris", v => client.PostLogoutRedirectUris = v);
        Uris("back_channel_logout_uris", v => client.BackChannelLogoutUris = v);
        SingleUri("back_channel_logout_uri", v => client.BackChannelLogoutUris = v.Length == 0 ? [] : [v]);
        SingleUri("default_redirect_uri", v => client.DefaultRedirectUri = v);
        SingleUri("initiate_login_uri", v => client.InitiateLoginUri = v);
        var expiry = ScalekitWire.Int64(fields, "access_token_expiry");
        if (expiry is <= 0)
        {
            throw ScalekitWire.Invalid("invalid access_token_expiry: must be greater than 0");
        }
        Change(expiry, v => client.AccessTokenExpiry = v!.Value);
        Change(ScalekitWire.String(fields, "name"), v => client.Name = v);
        Change(ScalekitWire.Strings(fields, "scopes"), v => client.Scopes = v);
        Change(ScalekitWire.Strings(fields, "grant_types"), v => client.GrantTypes = v);
        Change(CustomClaims(fields), v => client.CustomClaims = v);
        Change(ScalekitWire.Bool(fields, "disallow_scalekit_api_access"), v => client.DisallowScalekitApiAccess = v);
        Change(ScalekitWire.Bool(fields, "enforce_pkce"), v => client.EnforcePkce = v);

        changes.ForEach(change => change());
        client.UpdateTime = DateTimeOffset.UtcNow;
    }

    private static JsonArray? CustomClaims(Dictionary<string, JsonNode?> fields)
    {
        if (!fields.TryGetValue("custom_claims", out var node))
        {
            return null;
        }
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array || array.Any(c => c is not JsonObject claim || claim.Any(p => p.Key is not ("key" or "value"))))
        {
            throw ScalekitWire.Undecodable("proto: field custom_claims: expected a list of {\"key\",\"value\"} objects");
        }
        return (JsonArray)array.DeepClone();
    }

    private static JsonObject Serialize(EnvironmentClient client, bool legacy)
    {
        var json = new JsonObject
        {
            ["id"] = client.Id,
            ["keyId"] = client.Id,
            ["create_time"] = ScalekitWire.Timestamp(client.CreateTime),
            ["update_time"] = ScalekitWire.Timestamp(client.UpdateTime),
        };
        if (legacy)
        {
            json["redirect_uris"] = JsonBody.Strings(client.LoginUris);
            json["default_redirect_uri"] = client.DefaultRedirectUri;
        }
        json["secrets"] = new JsonArray(Serialize(client.Secret));
        json["post_logout_redirect_uris"] = JsonBody.Strings(client.PostLogoutRedirectUris);
        if (legacy)
        {
            json["back_channel_logout_uri"] = client.BackChannelLogoutUris.FirstOrDefault() ?? "";
            json["initiate_login_uri"] = client.InitiateLoginUri;
            return json;
        }
        json["back_channel_logout_uris"] = JsonBody.Strings(client.BackChannelLogoutUris);
        json["initiate_login_uri"] = client.InitiateLoginUri;
        json["post_login_uris"] = JsonBody.Strings(client.LoginUris);
        json["name"] = client.Name;
        json["access_token_expiry"] = client.AccessTokenExpiry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["scopes"] = JsonBody.Strings(client.Scopes);
        json["custom_claims"] = client.CustomClaims.DeepClone();
        json["grant_types"] = JsonBody.Strings(client.GrantTypes);
        json["client_type"] = "ENV";
        if (client.DisallowScalekitApiAccess is bool disallow)
        {
            json["disallow_scalekit_api_access"] = disallow;
        }
        if (client.EnforcePkce is bool pkce)
        {
            json["enforce_pkce"] = pkce;
        }
        return json;
    }

    /// <summary>A secret as the API shows it: only its last four characters, never the secret itself.</summary>
    private static JsonObject Serialize(ClientSecret secret)
    {
        var json = new JsonObject
        {
            ["id"] = secret.Id,
            ["create_time"] = ScalekitWire.Timestamp(secret.CreateTime),
            ["update_time"] = ScalekitWire.Timestamp(secret.LastUsedTime ?? secret.CreateTime),
            ["secret_suffix"] = secret.Suffix,
            ["created_by"] = secret.CreatedBy,
            ["status"] = "ACTIVE",
            ["expire_time"] = ScalekitWire.Timestamp(DateTimeOffset.MinValue),
        };
        if (secret.LastUsedTime is DateTimeOffset used)
        {
            json["last_used_time"] = ScalekitWire.Timestamp(used);
        }
        return json;
    }
}
