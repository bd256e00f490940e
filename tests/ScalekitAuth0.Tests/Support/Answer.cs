using System.Text.Json.Nodes;

namespace ScalekitAuth0.Tests.Support;

/// <summary>What a sandbox answered: the status code, the body as sent, and the body parsed (null when empty).</summary>
public sealed record Answer(int Status, string Text, JsonNode? Body)
{
    public static async Task<Answer> FromAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public JsonNode Json => Body ?? throw new InvalidOperationException($"Expected a JSON body, got {this}");

    public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"Expected a JSON object, got {this}");

    public JsonArray Array => Body as JsonArray ?? throw new InvalidOperationException($"Expected a JSON array, got {this}");

    public override string ToString() => $"{Status}: {Text}";
}
