using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// One Scalekit environment: its token, discovery and key endpoints, and the REST API under
/// <c>/api/v1</c> (the environment client, organizations, domains, portal links, SSO connections), which requires a
/// Bearer token this environment issued. Errors are grpc-gateway's google.rpc.Status bodies.
/// </summary>
public sealed class ScalekitEmulator : IEmulator
{
    private readonly SsoConnectionEndpoints _ssoConnections;

    public ScalekitEmulator(SandboxContext sandbox)
    {
        Sandbox = sandbox;
        State = new ScalekitState(sandbox.Seeds);
        _ssoConnections = new SsoConnectionEndpoints(State);
    }

    public string Service => Services.Scalekit;

    public SandboxContext Sandbox { get; }

    /// <summary>What the environment holds now, for tests to assert on.</summary>
    public ScalekitState State { get; }

    /// <summary>The OAuth, discovery and login side, then the REST API: one <c>*Endpoints</c> class per resource.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        new OidcEndpoints(State, Sandbox).Map(routes);
        new AuthorizeEndpoints(State, Sandbox).Map(routes);
        var organizations = new OrganizationEndpoints(State, Sandbox);
        ApiGroup.Map(routes, "/api/v1", Authenticate,
            new EnvironmentClientEndpoints(State), organizations, new DomainEndpoints(State, organizations), _ssoConnections);
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

    /// <summary>Scalekit checks the Bearer token before anything else, and words a missing one apart from a bad one.</summary>
    private IResult? Authenticate(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : "";
        if (bearer.Length == 0)
        {
            return ErrorBodies.Result(Services.Scalekit, 401, "Token empty", "UNAUTHENTICATED");
        }
        return Sandbox.Tokens.Validate(Services.Scalekit, authorization) is null
            ? ErrorBodies.Result(Services.Scalekit, 401, "Invalid Token", "UNAUTHENTICATED")
            : null;
    }

    public sealed record ClientShape(bool LegacyRedirectUris, int MaxRedirectUris = ScalekitState.DefaultMaxLoginUris);
}
