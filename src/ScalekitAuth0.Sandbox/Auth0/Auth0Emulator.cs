using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// One Auth0 tenant: the token endpoint, the Authentication API's <c>/authorize</c>, and the Management
/// API routes the module uses, statefully: connections (oidc and okta), their enabled clients,
/// applications, custom domains and the login prompt settings. Every
/// <c>/api/v2</c> route checks the bearer token first, then the scope its route names, as Auth0 does.
/// </summary>
public sealed class Auth0Emulator : IEmulator
{
    private readonly CustomDomainEndpoints _customDomains;

    public Auth0Emulator(SandboxContext sandbox)
    {
        Sandbox = sandbox;
        State = new Auth0State(sandbox.Seeds);
        _customDomains = new CustomDomainEndpoints(State, sandbox);
    }

    public string Service => Services.Auth0;

    public SandboxContext Sandbox { get; }

    internal Auth0State State { get; }

    /// <summary>The token endpoint, then the Management API: one <c>*Endpoints</c> class per resource, each naming the scope of each route.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        new OAuthEndpoints(State, Sandbox).Map(routes);
        new AuthorizeEndpoints(State, Sandbox).Map(routes);
        ApiGroup.Map(routes, "/api/v2", http => Caller.Authenticate(http, Sandbox.Tokens),
            new ClientEndpoints(State), new ConnectionEndpoints(State), new EnabledClientEndpoints(State), _customDomains, new PromptEndpoints(State));
        routes.Map("/api/v2/{**rest}", () => Auth0Wire.Plain(404, "Not Found"));
    }

    /// <summary>The Auth0 control routes (README): callers with chosen scopes, applications, connections as given, custom domains in a chosen state.</summary>
    public void MapControl(IEndpointRouteBuilder control)
    {
        control.MapPost("/auth0/clients", (ControlClient request) =>
        {
            var client = State.AddClient(request.Name ?? "Sandbox M2M", "non_interactive", request.Scopes ?? []);
            return Results.Json(new { client_id = client.ClientId, client_secret = client.ClientSecret });
        });
        control.MapPost("/auth0/applications", (ControlApplication request) =>
            Results.Json(new { client_id = State.AddClient(request.Name ?? "Sandbox App", "regular_web", null, callbacks: request.Callbacks ?? []).ClientId }));
        control.MapPost("/auth0/connections", (JsonObject body) => Results.Json(new { id = State.StoreAsGiven(body).Id }));
        control.MapPost("/auth0/custom-domains", async (HttpRequest request) =>
        {
            try
            {
                return JsonBody.Answer(_customDomains.AddInState(await Auth0Wire.ReadObjectAsync(request)), 201);
            }
            catch (ApiRefusal refusal)
            {
                return refusal.Answer;
            }
        });
    }

    public void Reset() => State.Reset();

    public sealed record ControlClient(string? Name, List<string>? Scopes);

    public sealed record ControlApplication(string? Name, List<string>? Callbacks);
}
