using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>How Auth0's Management API reads requests and writes answers: its refusals, query parameters, paging and field selection.</summary>
internal static class Auth0Wire
{
    public static ApiRefusal Error(int status, string message, string errorCode) =>
        new(ErrorBodies.Result(Services.Auth0, status, message, errorCode), message);

    /// <summary>The answers Auth0's HTTP layer gives before any handler (bad JSON, no such route): no errorCode at all.</summary>
    public static IResult Plain(int status, string message) => ErrorBodies.Result(Services.Auth0, status, message, null);

    public static ApiRefusal InvalidBody(string message) => Error(400, message, "invalid_body");

    public static ApiRefusal InvalidQuery(string message) => Error(400, message, "invalid_query_string");

    /// <summary>The exact 401 body Auth0 sends for a missing, unknown or expired token (it has attributes and no errorCode).</summary>
    public static IResult InvalidToken() => Results.Json(
        new JsonObject
        {
            ["statusCode"] = 401,
            ["error"] = "Unauthorized",
            ["message"] = "Invalid token",
            ["attributes"] = new JsonObject { ["error"] = "Invalid token" },
        },
        statusCode: 401);

    public static Task<JsonNode?> ReadJsonAsync(HttpRequest request) =>
        JsonBody.ReadAsync(request, _ => new ApiRefusal(Plain(400, "Invalid request payload JSON format"), "Invalid request payload JSON format"));

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await ReadJsonAsync(request) is var body && body is JsonObject o
            ? o
            : throw InvalidBody($"Payload validation error: 'Expected type object but found type {TypeName(body)}'.");

    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.GetValueKind() is JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "number",
    };

    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool QueryFlag(HttpRequest request, string name) => Query(request, name) switch
    {
        null => false,
        "true" => true,
        "false" => false,
        var other => throw InvalidQuery($"Query validation error: 'Expected type boolean but found type string' on property {name} ({other})."),
    };

    public static int? QueryInt(HttpRequest request, string name, int min, int max)
    {
        var text = Query(request, name);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw InvalidQuery($"Query validation error: 'Expected type integer but found type string' on property {name}.");
        }
        if (value < min)
        {
            throw InvalidQuery($"Query validation error: 'Value {value} is less than minimum {min}' on property {name}.");
        }
        if (value > max)
        {
            throw InvalidQuery($"Query validation error: 'Value {value} is greater than maximum {max}' on property {name}.");
        }
        return value;
    }

    private const string CursorPrefix = "sandbox:";

    /// <summary>Checkpoint cursors are opaque to clients; here they name where the previous page stopped.</summary>
    public static string Cursor(string position) => Base64Url.Encode(CursorPrefix + position);

    public static string? FromCursor(HttpRequest request)
    {
        var text = Query(request, "from");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            var decoded = Base64Url.DecodeText(text);
            if (decoded.StartsWith(CursorPrefix, StringComparison.Ordinal))
            {
                return decoded[CursorPrefix.Length..];
            }
        }
        catch (FormatException)
        {
        }
        throw InvalidQuery("Query validation error: 'from' is not a valid checkpoint.");
    }

    /// <summary>
    /// One checkpoint page of <paramref name="items"/> (already in list order) after the cursor's position,
    /// with the cursor for the next page when more remain.
    /// </summary>
    public static (List<T> Page, string? Next) Checkpoint<T>(IReadOnlyList<T> items, Func<T, string> position, string? after, int take)
    {
        var start = 0;
        if (after is not null)
        {
            start = items.Count;
            for (var i = 0; i < items.Count; i++)
            {
                if (string.CompareOrdinal(position(items[i]), after) > 0)
                {
                    start = i;
                    break;
                }
            }
        }
        var page = items.Skip(start).Take(take).ToList();
        var next = start + page.Count < items.Count && page.Count > 0 ? Cursor(position(page[^1])) : null;
        return (page, next);
    }

    /// <summary>A checkpoint page as Auth0 answers it: <c>{key:[...]}</c>, with <c>next</c> only when more remain.</summary>
    public static IResult CheckpointAnswer(string key, JsonArray items, string? next)
    {
        var answer = new JsonObject { [key] = items };
        if (next is not null)
        {
            answer["next"] = next;
        }
        return JsonBody.Answer(answer);
    }

    /// <summary>The <c>fields</c>/<c>include_fields</c> selection; <paramref name="always"/> are kept as Auth0 keeps them.</summary>
    public static Func<JsonObject, JsonObject> FieldSelection(HttpRequest request, IReadOnlyCollection<string> always)
    {
        var fields = Query(request, "fields");
        if (string.IsNullOrEmpty(fields))
        {
            return o => o;
        }
        var named = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var include = Query(request, "include_fields") != "false";
        return o =>
        {
            var result = new JsonObject();
            foreach (var (key, value) in o)
            {
                if (always.Contains(key) || named.Contains(key) == include)
                {
                    result[key] = value?.DeepClone();
                }
            }
            return result;
        };
    }

    public static string Timestamp(DateTimeOffset when) =>
        when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
