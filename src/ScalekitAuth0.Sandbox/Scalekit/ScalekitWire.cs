using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>How Scalekit's REST gateway reads requests and writes JSON (protojson with proto field names).</summary>
internal static class ScalekitWire
{
    /// <summary>
    /// A refusal, answered with Scalekit's google.rpc.Status body. Validation by the service carries an
    /// ErrorInfo detail; what grpc-gateway refuses while decoding (bad JSON, unknown fields, bad enum
    /// values, a oneof set twice) carries none, as the captured oneof 400 shows (<c>"details": []</c>).
    /// A field violation goes in the ErrorInfo's <c>validation_error_info.field_violations</c>.
    /// </summary>
    private static ApiRefusal Error(int status, string message, string? errorCode, JsonObject? fieldViolation = null)
    {
        var body = ErrorBodies.Scalekit(status, message, errorCode);
        if (fieldViolation is not null && body["details"]![0] is JsonObject info)
        {
            info["validation_error_info"] = new JsonObject { ["field_violations"] = new JsonArray(fieldViolation) };
        }
        return new(JsonBody.Answer(body, status), message);
    }

    public static ApiRefusal Invalid(string message) => Error(400, message, "INVALID_ARGUMENT");

    /// <summary>
    /// A list longer than the proto allows: a 400 BAD_REQUEST whose field violation names the field
    /// (Scalekit's exact wording is not documented; the description is the proto's own).
    /// </summary>
    public static ApiRefusal TooManyItems(string field, int max) => Error(400, $"invalid {field}: Maximum of {max} URIs allowed", "BAD_REQUEST",
        new JsonObject { ["field"] = field, ["description"] = $"Maximum of {max} URIs allowed", ["constraint"] = "repeated.max_items" });

    public static ApiRefusal Undecodable(string message) => Error(400, message, null);

    public static ApiRefusal NotFound(string message) => Error(404, message, "NOT_FOUND");

    /// <summary>RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as protojson writes a Timestamp.</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var nanos = utc.Ticks % TimeSpan.TicksPerSecond * 100;
        if (nanos == 0)
        {
            return text + "Z";
        }
        var digits = nanos.ToString("D9", CultureInfo.InvariantCulture);
        while (digits.EndsWith("000", StringComparison.Ordinal))
        {
            digits = digits[..^3];
        }
        return $"{text}.{digits}Z";
    }

    /// <summary>Now, cut to the millisecond as Scalekit's stored <c>create_time</c> values are.</summary>
    public static DateTimeOffset NowToMillisecond()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static IResult Wrapped(string key, JsonNode value) => JsonBody.Answer(new JsonObject { [key] = value });

    /// <summary>A blank body is an empty message, as grpc-gateway reads it.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await JsonBody.ReadAsync(request, e => Undecodable($"proto: syntax error: {e.Message}"), whenEmpty: new JsonObject()) as JsonObject
            ?? throw Undecodable("proto: syntax error: request body must be a JSON object");

    /// <summary>
    /// The body's fields under their proto names; protojson also accepts the lowerCamelCase JSON
    /// names. Any other key is refused, as grpc-gateway refuses fields its message does not have.
    /// </summary>
    public static Dictionary<string, JsonNode?> Fields(JsonObject body, IReadOnlyCollection<string> known)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            var name = known.FirstOrDefault(k => k == key || LowerCamel(k) == key)
                ?? throw Undecodable($"proto: unknown field \"{key}\"");
            fields[name] = value;
        }
        return fields;
    }

    public static string? String(Dictionary<string, JsonNode?> fields, string name) =>
        fields.TryGetValue(name, out var node) && node is not null ? StringValue(node, name) : null;

    public static List<string>? Strings(Dictionary<string, JsonNode?> fields, string name)
    {
        if (!fields.TryGetValue(name, out var node) || node is null)
        {
            return fields.ContainsKey(name) ? [] : null;
        }
        return node is JsonArray array
            ? array.Select(item => StringValue(item, name)).ToList()
            : throw Undecodable($"proto: field {name}: expected a JSON array");
    }

    public static bool? Bool(Dictionary<string, JsonNode?> fields, string name)
    {
        if (!fields.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Undecodable($"proto: field {name}: expected a boolean"),
        };
    }

    /// <summary>An int64 field: protojson takes a number or a decimal string.</summary>
    public static long? Int64(Dictionary<string, JsonNode?> fields, string name)
    {
        if (!fields.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }
        var text = node.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? node.ToString() : "";
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Undecodable($"proto: field {name}: invalid value for int64");
    }

    public static Dictionary<string, string>? StringMap(Dictionary<string, JsonNode?> fields, string name)
    {
        if (!fields.TryGetValue(name, out var node) || node is null)
        {
            return fields.ContainsKey(name) ? [] : null;
        }
        return node is JsonObject map
            ? map.ToDictionary(pair => pair.Key, pair => StringValue(pair.Value, name), StringComparer.Ordinal)
            : throw Undecodable($"proto: field {name}: expected a JSON object");
    }

    /// <summary>A query parameter of an integer field; absent or empty is null, anything else must parse.</summary>
    public static int? QueryInt(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Undecodable($"type mismatch, parameter: {name}, error: strconv.ParseInt: parsing \"{text}\": invalid syntax");
    }

    private static string StringValue(JsonNode? node, string name) =>
        node?.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw Undecodable($"proto: field {name}: expected a string");

    private static string LowerCamel(string protoName)
    {
        var parts = protoName.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
