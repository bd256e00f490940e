using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>Reading a request's JSON body and writing JSON answers, the same for both services.</summary>
public static class JsonBody
{
    /// <summary>The parsed body, <paramref name="whenEmpty"/> for a blank one; <paramref name="malformed"/> says how the service refuses bad JSON.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, Func<JsonException, ApiRefusal> malformed, JsonNode? whenEmpty = null)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw malformed(e);
        }
    }

    public static IResult Answer(JsonNode body, int status = 200) => Results.Json(body, statusCode: status);

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> render) => new(items.Select(render).ToArray());

    public static JsonArray Strings(IEnumerable<string> values) => Array(values, v => JsonValue.Create(v));

    public static bool IsString(this JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
