namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>
/// How both emulators map their REST API: one route group per service, each resource's
/// <c>*Endpoints</c> class mapping its routes into it. The group checks the caller first, as both
/// real services do, then answers any <see cref="ApiRefusal"/> a handler throws.
/// </summary>
public static class ApiGroup
{
    /// <param name="authenticate">Null lets the request through; an answer refuses it before any handler runs.</param>
    /// <param name="resources">Each maps its routes relative to <paramref name="prefix"/>.</param>
    public static void Map(IEndpointRouteBuilder routes, string prefix, Func<HttpContext, IResult?> authenticate, params IEndpoints[] resources)
    {
        var api = routes.MapGroup(prefix);
        api.AddEndpointFilter(async (context, next) =>
        {
            if (authenticate(context.HttpContext) is { } refused)
            {
                return refused;
            }
            try
            {
                return await next(context);
            }
            catch (ApiRefusal refusal)
            {
                return refusal.Answer;
            }
        });
        foreach (var resource in resources)
        {
            resource.Map(api);
        }
    }
}
