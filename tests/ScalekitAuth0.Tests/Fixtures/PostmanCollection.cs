using System.Text;
using System.Text.Json.Nodes;

namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>
/// The saved examples of the Scalekit Postman collection, in the collection's order: each is the
/// request that was really sent (<c>originalRequest</c>, which is not always the request of the item
/// it is saved under) and the answer that came back. Paths keep the collection's variables
/// (<c>{{client_id}}</c>); the URL is <c>{{env_url}}</c> followed by the path and query.
/// </summary>
public static class PostmanCollection
{
    public const string Folder = "scalekit/api-collections/postman";

    private static readonly Lazy<IReadOnlyList<RecordedExchange>> Examples = new(() => Recordings.ExchangesIn(Folder));

    public static IReadOnlyList<RecordedExchange> All => Examples.Value;

    /// <summary>The URL as the collection wrote it, variables and all.</summary>
    public static string RawUrl(RecordedExchange example) =>
        "{{env_url}}" + example.Request.Path + (example.Request.Query.Length > 0 ? "?" + example.Request.Query : "");

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
}
