using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// The environment's OAuth side: the client-credentials token endpoint, the discovery document
/// (shaped as captured on 2025-04-10) and the JWKS. The sandbox's tokens are not signed with the
/// key served at <c>/keys</c>; only the shapes matter to the module and to Auth0's discovery.
/// </summary>
internal sealed class OidcEndpoints : IEndpoints
{
    private const int TokenLifetimeSeconds = 86399;
    private static readonly string[] AuthMethods = ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"];

    private readonly ScalekitState _state;
    private readonly SandboxContext _sandbox;
    private readonly string _jwks;

    public OidcEndpoints(ScalekitState state, SandboxContext sandbox)
    {
        _state = state;
        _sandbox = sandbox;
        using var rsa = RSA.Create(2048);
        var key = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["use"] = "sig",
            ["kty"] = "RSA",
            ["kid"] = "snk_" + RandomId.Digits(17),
            ["alg"] = "RS256",
            ["n"] = Base64Url.Encode(key.Modulus!),
            ["e"] = Base64Url.Encode(key.Exponent!),
        };
        _jwks = new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueTokenAsync);
        routes.MapGet("/.well-known/openid-configuration", () => JsonBody.Answer(Discovery()));
        routes.MapGet("/keys", () => Results.Text(_jwks, "application/json"));
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return ErrorBodies.OAuth(400, "invalid_request", "the request body must be application/x-www-form-urlencoded");
        }
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return ErrorBodies.OAuth(400, "unsupported_grant_type", "only the client_credentials grant is supported");
        }
        var (clientId, clientSecret) = BasicCredentials(request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        var seeds = _sandbox.Seeds;
        if (clientId != seeds.ScalekitClientId || clientSecret != seeds.ScalekitClientSecret)
        {
            return ErrorBodies.OAuth(401, "invalid_client", "client authentication failed: unknown client or wrong secret");
        }
        var lifetime = _sandbox.Tokens.LifetimeOf(Services.Scalekit, TimeSpan.FromSeconds(TokenLifetimeSeconds));
        var token = _sandbox.Tokens.Issue(Services.Scalekit, _sandbox.ScalekitUrl, clientId, ["openid"], lifetime);
        _state.Locked(() => _state.Client.Secret.LastUsedTime = DateTimeOffset.UtcNow);
        return JsonBody.Answer(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
            ["scope"] = "openid",
        });
    }

    private JsonObject Discovery()
    {
        var url = _sandbox.ScalekitUrl;
        return new JsonObject
        {
            ["issuer"] = _state.Locked(() => _state.IssuerOverride) ?? url,
            ["authorization_endpoint"] = url + "/oauth/authorize",
            ["token_endpoint"] = url + "/oauth/token",
            ["introspection_endpoint"] = url + "/oauth/introspect",
            ["userinfo_endpoint"] = url + "/userinfo",
            ["revocation_endpoint"] = url + "/revoke",
            ["end_session_endpoint"] = url + "/end_session",
            ["jwks_uri"] = url + "/keys",
            ["scopes_supported"] = JsonBody.Strings(["openid", "email", "profile", "offline_access"]),
            ["response_types_supported"] = JsonBody.Strings(["code"]),
            ["response_modes_supported"] = JsonBody.Strings(["query"]),
            ["grant_types_supported"] = JsonBody.Strings(["authorization_code", "client_credentials", "refresh_token"]),
            ["subject_types_supported"] = JsonBody.Strings(["public"]),
            ["id_token_signing_alg_values_supported"] = JsonBody.Strings(["RS256"]),
            ["request_object_signing_alg_values_supported"] = JsonBody.Strings(["RS256"]),
            ["token_endpoint_auth_methods_supported"] = JsonBody.Strings(AuthMethods),
            ["token_endpoint_auth_signing_alg_values_supported"] = JsonBody.Strings(["RS256"]),
            ["revocation_endpoint_auth_methods_supported"] = JsonBody.Strings(AuthMethods),
            ["revocation_endpoint_auth_signing_alg_values_supported"] = JsonBody.Strings(["RS256"]),
            ["introspection_endpoint_auth_methods_supported"] = JsonBody.Strings(["client_secret_basic", "private_key_jwt"]),
            ["introspection_endpoint_auth_signing_alg_values_supported"] = JsonBody.Strings(["RS256"]),
            ["claims_supported"] = JsonBody.Strings(
            [
                "sub", "aud", "exp", "iat", "iss", "auth_time", "nonce", "acr", "amr", "c_hash", "at_hash", "act", "scopes",
                "client_id", "azp", "preferred_username", "name", "family_name", "given_name", "locale", "email",
                "email_verified", "phone_number", "phone_number_verified",
            ]),
            ["code_challenge_methods_supported"] = JsonBody.Strings(["S256"]),
            ["ui_locales_supported"] = JsonBody.Strings(["en"]),
            ["request_parameter_supported"] = true,
            ["request_uri_parameter_supported"] = false,
            ["backchannel_logout_supported"] = true,
            ["backchannel_logout_session_supported"] = true,
        };
    }

    /// <summary>client_secret_basic, which the discovery document advertises next to client_secret_post.</summary>
    private static (string Id, string Secret)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
