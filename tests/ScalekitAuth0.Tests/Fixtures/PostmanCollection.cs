using System.Text;
using System.Text.Json.Nodes;

namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>
/// One saved example of the Scalekit Postman collection: the request that was really sent
/// (<c>originalRequest</c>, which is not always the request of the item it is saved under) and
/// the answer that came back.
/// </summary>
public sealed record PostmanExample(
    string Id,
    string ItemPath,
    string Method,
    string RawUrl,
    string? JsonBody,
    IReadOnlyList<KeyValuePair<string, string>>? Form,
    int Code,
    string ResponseBody)
{
    /// <summary>The path of <see cref="RawUrl"/> without <c>{{env_url}}</c> and the query.</summary>
    public string Path => RawUrl.Replace("{{env_url}}", "", StringComparison.Ordinal).Split('?')[0];

    public override string ToString() => Id;
}

/// <summary>Reads the Postman collection (v2.1) in shared/fixtures: <c>item[]</c> nests folders, each request's <c>response[]</c> holds the saved examples.</summary>
public static class PostmanCollection
{
    public const string RelativePath = "scalekit/api-collections/postman/scalekit-api-endpoints.postman_collection.json";

    private static readonly Lazy<IReadOnlyList<PostmanExample>> Examples = new(() => Load(System.IO.Path.Combine(FixturePaths.Root, RelativePath)));

    public static IReadOnlyList<PostmanExample> All => Examples.Value;

    public static IReadOnlyList<PostmanExample> Load(string path)
    {
        var collection = JsonNode.Parse(File.ReadAllText(path))!;
        var examples = new List<PostmanExample>();
        Walk(collection["item"]!.AsArray(), "", examples);
        return examples;
    }

    /// <summary>Parses a saved body, which is not always strict JSON: the token example carries a <c>// time in seconds</c> comment.</summary>
    public static JsonNode? ParseBody(string body) => JsonNode.Parse(StripLineComments(body));

    /// <summary>Drops <c>//</c> comments outside JSON strings.</summary>
    public static string StripLineComments(string json)
    {
        var text = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    text.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '/' && i + 1 < json.Length && json[i + 1] == '/')
            {
                while (i + 1 < json.Length && json[i + 1] != '\n')
                {
                    i++;
                }
            }
            else
            {
                inString = c == '"';
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static void Walk(JsonArray items, string parent, List<PostmanExample> examples)
    {
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            var path = parent.Length == 0 ? item["name"]!.GetValue<string>() : $"{parent} / {item["name"]}";
            if (item["item"] is JsonArray children)
            {
                Walk(children, path, examples);
                continue;
            }
            var saved = item["response"]?.AsArray() ?? [];
            for (var index = 0; index < saved.Count; index++)
            {
                examples.Add(Example(path, index, saved[index]!.AsObject()));
            }
        }
    }

    private static PostmanExample Example(string itemPath, int index, JsonObject saved)
    {
        var request = saved["originalRequest"]!.AsObject();
        var url = request["url"] is JsonObject urlObject ? urlObject["raw"]!.GetValue<string>() : request["url"]!.GetValue<string>();
        var body = request["body"] as JsonObject;
        var mode = body?["mode"]?.GetValue<string>();
        var raw = mode == "raw" ? body!["raw"]?.GetValue<string>() : null;
        var form = mode == "urlencoded"
            ? body!["urlencoded"]!.AsArray()
                .Where(field => field!["disabled"]?.GetValue<bool>() != true)
                .Select(field => new KeyValuePair<string, string>(field!["key"]!.GetValue<string>(), field["value"]!.GetValue<string>()))
                .ToList()
            : null;
        return new PostmanExample(
            Id: $"{itemPath} #{index} ({saved["name"]})",
            ItemPath: itemPath,
            Method: request["method"]!.GetValue<string>(),
            RawUrl: url,
            JsonBody: string.IsNullOrWhiteSpace(raw) ? null : raw,
            Form: form,
            Code: saved["code"]!.GetValue<int>(),
            ResponseBody: saved["body"]?.GetValue<string>() ?? "");
    }
}
