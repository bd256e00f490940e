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
            sandbox.PageSizeCaps.Clear();
            sandbox.Tokens.RevokeAll();
            sandbox.Tokens.ResetLifetimes();
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
        control.MapPut("/page-size", (PageSizeSetting setting) =>
        {
            sandbox.PageSizeCaps.Set(setting.Service, setting.Max);
            return Results.NoContent();
        });
        control.MapPut("/token-lifetime", (TokenLifetimeSetting setting) =>
        {
            sandbox.Tokens.SetLifetime(setting.Service, setting.Seconds);
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

    public sealed record PageSizeSetting(string Service, int? Max);

    public sealed record TokenLifetimeSetting(string Service, int? Seconds);
}

public static class ControlJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };
}
