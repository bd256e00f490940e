using System.Text.Json.Serialization;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>The service-independent control routes under /_sandbox/ (see README.md).</summary>
public static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxContext sandbox, IReadOnlyList<IEmulator> emulators)
    {
        var control = routes.MapGroup(SandboxMiddleware.ControlPrefix);
        control.MapGet("/requests", () => Results.Json(sandbox.RequestLog.Snapshot(), ControlJson.Options));
        control.MapDelete("/requests", () =>
        {
            sandbox.RequestLog.Clear();
            return Results.NoContent();
        });
        control.MapPost("/reset", () =>
        {
            foreach (var emulator in emulators)
            {
                emulator.Reset();
            }
            sandbox.Faults.Clear();
            sandbox.RateLimiter.Clear();
            sandbox.Tokens.RevokeAll();
            sandbox.RequestLog.Clear();
            return Results.NoContent();
        });
        control.MapPost("/faults", (FaultRule rule) =>
        {
            sandbox.Faults.Add(rule);
            return Results.Json(new { id = rule.Id });
        });
        control.MapDelete("/faults", () =>
        {
            sandbox.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPut("/rate-limit", (RateLimitSetting setting) =>
        {
            sandbox.RateLimiter.Set(setting.Service, setting.PerSecond, setting.Burst ?? (int)Math.Ceiling(setting.PerSecond));
            return Results.NoContent();
        });
        control.MapPost("/auth0/expire-tokens", () =>
        {
            sandbox.Tokens.RevokeAll();
            return Results.NoContent();
        });
        foreach (var emulator in emulators)
        {
            emulator.MapControl(control);
        }
    }

    public sealed record RateLimitSetting(string Service, double PerSecond, int? Burst);
}

public static class ControlJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };
}
