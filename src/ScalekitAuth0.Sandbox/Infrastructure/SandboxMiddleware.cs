using System.Globalization;
using System.Text;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>
/// What sits in front of each emulated service: the request log, the rate limit, the injected
/// faults and the page-size caps. Control requests (<c>/_sandbox/</c>) pass untouched so tests can always see and steer.
/// </summary>
public sealed class SandboxMiddleware(string service, SandboxContext sandbox)
{
    public const string ControlPrefix = "/_sandbox";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments(ControlPrefix))
        {
            await next(http);
            return;
        }

        var arrival = sandbox.RequestLog.Arrive();
        var body = await ReadBodyAsync(request);
        // The log shows what the client asked for, not what a page-size cap made of it.
        var query = request.QueryString.Value ?? "";
        sandbox.PageSizeCaps.Apply(service, request);
        var served = false;
        try
        {
            await ServeAsync(http, () =>
            {
                served = true;
                return next(http);
            });
        }
        finally
        {
            sandbox.RequestLog.Add(arrival, new LoggedRequest(
                service, request.Method, request.Path.Value ?? "/", query, http.Response.StatusCode, body, served,
                request.Headers.ContainsKey("Authorization"), request.Headers.ContainsKey("Cookie")));
        }
    }

    /// <param name="next">Runs the emulator; not called when the rate limit or a fault answers instead.</param>
    private async Task ServeAsync(HttpContext http, Func<Task> next)
    {
        var decision = sandbox.RateLimiter.TryTake(service);
        if (decision != RateDecision.Unlimited)
        {
            WriteRateLimitHeaders(http.Response, decision);
        }
        if (!decision.Allowed)
        {
            var wait = Math.Max(1, (int)Math.Ceiling((decision.Reset - DateTimeOffset.UtcNow).TotalSeconds));
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(http, 429, "Global limit has been reached", "too_many_requests");
            return;
        }

        var fault = sandbox.Faults.Take(service, http.Request.Method, http.Request.Path.Value ?? "/");
        switch (fault?.Kind)
        {
            case null:
                await next();
                break;
            case FaultKind.Status:
                await AnswerWithStatusAsync(http, fault);
                break;
            case FaultKind.Drop:
                http.Abort();
                break;
            case FaultKind.Delay:
                await Task.Delay(fault.DelayMs, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!http.RequestAborted.IsCancellationRequested)
                {
                    await next();
                }
                break;
            case FaultKind.Malformed:
                await ServeTruncatedAsync(http, next);
                break;
            case FaultKind.After:
                await ServeThenAbortAsync(http, next);
                break;
            case FaultKind.Redirect:
                http.Response.StatusCode = fault.Status;
                if (fault.Location is not null)
                {
                    http.Response.Headers.Location = fault.Location;
                }
                break;
        }
    }

    private async Task AnswerWithStatusAsync(HttpContext http, FaultRule fault)
    {
        if (fault.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = fault.RetryAfter;
        }
        if (fault.RateLimitReset is not null)
        {
            var reset = fault.RateLimitReset.StartsWith('+')
                ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() + long.Parse(fault.RateLimitReset[1..], CultureInfo.InvariantCulture)
                : long.Parse(fault.RateLimitReset, CultureInfo.InvariantCulture);
            http.Response.Headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        }
        var (message, code) = fault.Status == 429
            ? ("Global limit has been reached", "too_many_requests")
            : ($"Injected fault: {ErrorBodies.ReasonPhrase(fault.Status)}", "sandbox_fault");
        await WriteErrorAsync(http, fault.Status, message, code);
    }

    private static async Task ServeTruncatedAsync(HttpContext http, Func<Task> next)
    {
        var buffer = await ServeIntoBufferAsync(http, next);
        var half = buffer.ToArray().AsMemory(0, (int)(buffer.Length / 2));
        http.Response.ContentLength = half.Length;
        await http.Response.Body.WriteAsync(half);
    }

    private static async Task ServeThenAbortAsync(HttpContext http, Func<Task> next)
    {
        await ServeIntoBufferAsync(http, next);
        http.Abort();
    }

    private static async Task<MemoryStream> ServeIntoBufferAsync(HttpContext http, Func<Task> next)
    {
        var original = http.Response.Body;
        var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = original;
        }
        return buffer;
    }

    private Task WriteErrorAsync(HttpContext http, int status, string message, string? errorCode)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(ErrorBodies.For(service, status, message, errorCode));
    }

    private static void WriteRateLimitHeaders(HttpResponse response, RateDecision decision)
    {
        response.Headers["x-ratelimit-limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = decision.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        return body;
    }
}
