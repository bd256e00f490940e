using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// One Scalekit environment: its token, discovery and key endpoints, and the REST API under
/// <c>/api/v1</c> (the environment client, organizations, domains, portal links), which requires a
/// Bearer token this environment issued. Errors are grpc-gateway's google.rpc.Status bodies.
/// </summary>
public sealed class ScalekitEmulator : IEmulator
{
    private readonly OidcEndpoints _oidc;
    private readonly ClientEndpoints _clients;
    private readonly OrganizationEndpoints _organizations;
    private readonly DomainEndpoints _domains;
    private readonly SsoConnectionEndpoints _ssoConnections;

    public ScalekitEmulator(SandboxContext sandbox)
    {
        Sandbox = sandbox;
        State = new ScalekitState(sandbox.Seeds);
        _oidc = new OidcEndpoints(State, sandbox);
        _clients = new ClientEndpoints(State);
        _organizations = new OrganizationEndpoints(State, sandbox);
        _domains = new DomainEndpoints(State, _organizations);
        _ssoConnections = new SsoConnectionEndpoints(State, sandbox);
    }

    public string Service => Services.Scalekit;

    public SandboxContext Sandbox { get; }

    /// <summary>What the environment holds now, for tests to assert on.</summary>
    public ScalekitState State { get; }

    public void Map(IEndpointRouteBuilder routes)
    {
        _oidc.Map(routes);
        _ssoConnections.MapLogin(routes);
        var api = routes.MapGroup("/api/v1");
        api.AddEndpointFilter(AuthenticateAndAnswerErrorsAsync);
        _clients.Map(api);
        _organizations.Map(api);
        _domains.Map(api);
        _ssoConnections.Map(api);
        routes.MapFallback(() => ErrorBodies.Result(Services.Scalekit, 404, "Not Found", null));
    }

    public void MapControl(IEndpointRouteBuilder control)
    {
        _ssoConnections.MapControl(control);
        control.MapPut("/scalekit/client-shape", (ClientShape shape) =>
        {
            State.Locked(() =>
            {
                State.LegacyRedirectUris = shape.LegacyRedirectUris;
                State.MaxLoginUris = shape.MaxRedirectUris;
            });
            return Results.NoContent();
        });
        control.MapPut("/scalekit/discovery", (JsonObject body) =>
        {
            State.Locked(() => State.IssuerOverride = body["issuer"]?.GetValue<string>());
            return Results.NoContent();
        });
    }

    public void Reset() => State.Reset();

    /// <summary>Scalekit checks the Bearer token before anything else, then answers the handler's refusals with its own body.</summary>
    private async ValueTask<object?> AuthenticateAndAnswerErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var authorization = context.HttpContext.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : "";
        if (bearer.Length == 0)
        {
            return ErrorBodies.Result(Services.Scalekit, 401, "Token empty", "UNAUTHENTICATED");
        }
        if (Sandbox.Tokens.Validate(Services.Scalekit, authorization) is null)
        {
            return ErrorBodies.Result(Services.Scalekit, 401, "Invalid Token", "UNAUTHENTICATED");
        }
        try
        {
            return await next(context);
        }
        catch (ScalekitApiException refusal)
        {
            return refusal.ToResult();
        }
    }

    public sealed record ClientShape(bool LegacyRedirectUris, int MaxRedirectUris = ScalekitState.DefaultMaxLoginUris);
}
