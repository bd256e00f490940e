using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// What a Management API request runs as: the token it brought, validated by the API group before
/// any handler. Each route names the scope it needs with <see cref="RequireScope"/>; a handler asks
/// <see cref="Has"/> for what changes only the answer (options, secrets).
/// </summary>
internal sealed class Caller(IssuedToken token)
{
    public bool Has(string scope) => token.Scopes.Contains(scope);

    public void Require(string scope)
    {
        if (!Has(scope))
        {
            throw Auth0Wire.Error(403, $"Insufficient scope, expected any of: {scope}", "insufficient_scope");
        }
    }

    public static Caller Of(HttpRequest request) => (Caller)request.HttpContext.Items[typeof(Caller)]!;

    /// <summary>The API group's check: a valid Auth0 token becomes the request's caller; anything else is Auth0's 401.</summary>
    public static IResult? Authenticate(HttpContext http, TokenIssuer tokens)
    {
        if (tokens.Validate(Services.Auth0, http.Request.Headers.Authorization.ToString()) is not { } token)
        {
            return Auth0Wire.InvalidToken();
        }
        http.Items[typeof(Caller)] = new Caller(token);
        return null;
    }
}

internal static class ScopeRequirement
{
    /// <summary>The route answers 403 unless the caller's token has <paramref name="scope"/>, checked after the token and before the handler.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder route, string scope) =>
        route.AddEndpointFilter((context, next) =>
        {
            Caller.Of(context.HttpContext.Request).Require(scope);
            return next(context);
        });
}
