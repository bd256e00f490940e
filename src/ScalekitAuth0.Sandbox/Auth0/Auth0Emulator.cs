using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// The Auth0 token endpoint and the Management API routes the module uses, statefully: connections
/// (oidc and okta), their enabled clients, applications and custom domains. One lock guards the
/// state; every route checks the bearer token and its scopes first, as Auth0 does.
/// </summary>
public sealed partial class Auth0Emulator : IEmulator
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(86400);

    private readonly object _gate = new();
    private readonly Dictionary<string, StoredConnection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredCustomDomain> _customDomains = new(StringComparer.Ordinal);
    private long _clientSeq;

    public Auth0Emulator(SandboxContext sandbox)
    {
        Sandbox = sandbox;
        Reset();
    }

    public string Service => Services.Auth0;

    public SandboxContext Sandbox { get; }

    /// <summary>The one audience this tenant's Management API answers to.</summary>
    public string Audience => Sandbox.Auth0Url + "/api/v2/";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)IssueTokenAsync);
        MapLogin(routes);
        foreach (var handler in typeof(Auth0Emulator).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic))
        {
            foreach (var route in handler.GetCustomAttributes<ApiAttribute>())
            {
                Api(routes, route, handler.ReturnType == typeof(IResult)
                    ? Synchronous(handler.CreateDelegate<Func<Caller, HttpContext, IResult>>(this))
                    : handler.CreateDelegate<Func<Caller, HttpContext, Task<IResult>>>(this));
            }
        }
        routes.Map("/api/v2/{**rest}", () => Auth0Http.Plain(404, "Not Found"));
    }

    /// <summary>The Auth0 control routes (README): callers with chosen scopes, applications, custom domains in a chosen state.</summary>
    public void MapControl(IEndpointRouteBuilder control)
    {
        control.MapPost("/auth0/clients", (ControlClient request) =>
        {
            var client = AddClient(request.Name ?? "Sandbox M2M", "non_interactive", request.Scopes ?? []);
            return Results.Json(new { client_id = client.ClientId, client_secret = client.ClientSecret });
        });
        control.MapPost("/auth0/applications", (ControlApplication request) =>
            Results.Json(new { client_id = AddClient(request.Name ?? "Sandbox App", "regular_web", null, callbacks: request.Callbacks ?? []).ClientId }));
        control.MapPost("/auth0/custom-domains", async (HttpContext http) =>
        {
            try
            {
                return Auth0Http.Json(AddControlCustomDomain(await Auth0Http.ReadObjectAsync(http.Request)), 201);
            }
            catch (Auth0Refusal refusal)
            {
                return refusal.Result;
            }
        });
    }

    public void Reset()
    {
        lock (_gate)
        {
            _connections.Clear();
            _clients.Clear();
            _customDomains.Clear();
            _prompts = DefaultPrompts();
            AddClient("My App", "regular_web", null, callbacks: ["https://myapp.example.com/callback"]);
            AddClient("Other App", "spa", null, callbacks: ["https://other.example.com/callback"]);
            AddClient("ScalekitAuth0 Sandbox M2M", "non_interactive", Auth0Scopes.Module,
                Sandbox.Seeds.Auth0ClientId, Sandbox.Seeds.Auth0ClientSecret);
        }
    }

    private StoredClient AddClient(string name, string appType, IEnumerable<string>? scopes, string? clientId = null, string? secret = null, IEnumerable<string>? callbacks = null)
    {
        var fields = new JsonObject { ["name"] = name, ["app_type"] = appType };
        if (callbacks is not null)
        {
            fields["callbacks"] = new JsonArray(callbacks.Select(c => (JsonNode?)c).ToArray());
        }
        return StoreClient(ClientDefaults(fields), scopes, clientId, secret);
    }

    private StoredClient StoreClient(JsonObject fields, IEnumerable<string>? scopes, string? clientId = null, string? secret = null)
    {
        lock (_gate)
        {
            var client = new StoredClient
            {
                Seq = ++_clientSeq,
                ClientId = clientId ?? RandomId.Alphanumeric(32),
                ClientSecret = secret ?? RandomId.Alphanumeric(64),
                Fields = fields,
                GrantedScopes = scopes?.ToHashSet(StringComparer.Ordinal),
            };
            _clients[client.ClientId] = client;
            return client;
        }
    }

    /// <summary>
    /// POST /oauth/token, client_credentials only. Bad credentials are refused before the audience is
    /// looked at; <c>scope</c> is left out when the client has no grant on the audience, as in the recording.
    /// </summary>
    private async Task<IResult> IssueTokenAsync(HttpContext http)
    {
        var parameters = await ReadTokenRequestAsync(http.Request);
        string? Parameter(string name) => parameters.TryGetValue(name, out var value) ? value : null;

        var grantType = Parameter("grant_type");
        if (grantType is null)
        {
            return OAuthError(400, "invalid_request", "Missing required parameter: grant_type");
        }
        if (grantType != "client_credentials")
        {
            return OAuthError(400, "unsupported_grant_type", $"Unsupported grant type: {grantType}");
        }
        StoredClient? client;
        lock (_gate)
        {
            client = Parameter("client_id") is { } id && _clients.TryGetValue(id, out var found) ? found : null;
        }
        if (client?.GrantedScopes is null || client.ClientSecret != Parameter("client_secret"))
        {
            return OAuthError(401, "access_denied", "Unauthorized");
        }
        var audience = Parameter("audience");
        if (audience is null)
        {
            return OAuthError(403, "access_denied", "No audience parameter was provided, and no default audience has been configured");
        }
        if (audience != Audience)
        {
            return OAuthError(403, "access_denied", $"Service not enabled within domain: {audience}");
        }
        var scopes = client.GrantedScopes.ToList();
        var token = Sandbox.Tokens.Issue(Service, Sandbox.Auth0Url + "/", client.ClientId, scopes, TokenLifetime);
        var answer = new JsonObject { ["access_token"] = token, ["expires_in"] = (int)TokenLifetime.TotalSeconds };
        if (scopes.Count > 0)
        {
            answer["scope"] = string.Join(' ', scopes);
        }
        answer["token_type"] = "Bearer";
        return Auth0Http.Json(answer);
    }

    private static async Task<Dictionary<string, string>> ReadTokenRequestAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        try
        {
            return await Auth0Http.ReadJsonAsync(request) is JsonObject json
                ? json.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string>();
        }
        catch (Auth0Refusal)
        {
            return new Dictionary<string, string>();
        }
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Auth0Http.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    /// <summary>What a Management API handler runs as: the validated token.</summary>
    internal sealed class Caller(IssuedToken token)
    {
        public bool Has(string scope) => token.Scopes.Contains(scope);

        public void Require(string scope)
        {
            if (!Has(scope))
            {
                throw Auth0Http.Error(403, $"Insufficient scope, expected any of: {scope}", "insufficient_scope");
            }
        }
    }

    /// <summary>Marks a Management API handler with its route and the scope it needs; <see cref="Map"/> finds them.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    private sealed class ApiAttribute(string method, string pattern, string scope) : Attribute
    {
        public string Method { get; } = method;
        public string Pattern { get; } = pattern;
        public string Scope { get; } = scope;
    }

    /// <summary>Maps a Management API route: token, then scope, then the handler; refusals become Auth0 error bodies.</summary>
    private void Api(IEndpointRouteBuilder routes, ApiAttribute route, Func<Caller, HttpContext, Task<IResult>> handler)
    {
        routes.MapMethods(route.Pattern, [route.Method], async (HttpContext http) =>
        {
            if (Sandbox.Tokens.Validate(Service, http.Request.Headers.Authorization.ToString()) is not { } token)
            {
                return Auth0Http.InvalidToken();
            }
            try
            {
                var caller = new Caller(token);
                caller.Require(route.Scope);
                return await handler(caller, http);
            }
            catch (Auth0Refusal refusal)
            {
                return refusal.Result;
            }
        });
    }

    private static Func<Caller, HttpContext, Task<IResult>> Synchronous(Func<Caller, HttpContext, IResult> handler) =>
        (caller, http) => Task.FromResult(handler(caller, http));

    private static string RouteId(HttpContext http) => (string)http.GetRouteValue("id")!;

    public sealed record ControlClient(string? Name, List<string>? Scopes);

    public sealed record ControlApplication(string? Name, List<string>? Callbacks);
}

internal static class JsonNodeExtensions
{
    public static bool IsString(this JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
