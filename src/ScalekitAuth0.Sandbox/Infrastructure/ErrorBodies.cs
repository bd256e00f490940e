using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>The error bodies each real service sends, so the module's error mapping is tested against the real shapes.</summary>
public static class ErrorBodies
{
    /// <summary>A null <paramref name="errorCode"/> is left out, as in the answers Auth0's HTTP layer gives before any handler.</summary>
    public static JsonObject Auth0(int status, string message, string? errorCode)
    {
        var body = new JsonObject
        {
            ["statusCode"] = status,
            ["error"] = ReasonPhrase(status),
            ["message"] = message,
        };
        if (errorCode is not null)
        {
            body["errorCode"] = errorCode;
        }
        return body;
    }

    /// <summary>grpc-gateway's google.rpc.Status JSON, with the gRPC code Scalekit maps the HTTP status from.</summary>
    public static JsonObject Scalekit(int status, string message, string? errorCode) => new()
    {
        ["code"] = GrpcCode(status),
        ["message"] = message,
        ["details"] = errorCode is null
            ? new JsonArray()
            : new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/scalekit.v1.errdetails.ErrorInfo",
                ["error_code"] = errorCode,
            }),
    };

    public static JsonObject For(string service, int status, string message, string? errorCode) =>
        service == Services.Auth0 ? Auth0(status, message, errorCode) : Scalekit(status, message, errorCode);

    public static IResult Result(string service, int status, string message, string? errorCode) =>
        Results.Json(For(service, status, message, errorCode), statusCode: status);

    /// <summary>RFC 6749 §5.2: what both token endpoints answer a refused grant with.</summary>
    public static IResult OAuth(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    public static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static int GrpcCode(int status) => status switch
    {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 6,
        429 => 8,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => 13,
    };
}

public static class Services
{
    public const string Auth0 = "auth0";
    public const string Scalekit = "scalekit";
}
