#:package YamlDotNet@16.3.0
#:property PublishAot=false

// Writes tests/Recordings from the recorded traffic the tests replay: every interaction of every
// go-vcr cassette under <fixtures>/auth0 and every saved example of the Scalekit Postman collection,
// one JSON file each, with the source it came from and its licence file beside it. Run by a
// developer when the recordings change, never by a test:
//
//     dotnet run tools/Export-Recordings.cs -- <fixtures folder>
//
// The fixtures folder is the one described by its README (go-vcr v3 YAML and Postman v2.1 JSON).
// Bodies are copied unchanged; what is left out (headers other than Content-Type, proto, durations,
// host, the collection's descriptions and scripts) is named in tests/Recordings/README.md.

using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: dotnet run tools/Export-Recordings.cs -- <fixtures folder> (the folder holding auth0/ and scalekit/)");
    return 2;
}
var fixtures = Path.GetFullPath(args[0]);
var output = Path.GetFullPath(Path.Combine(ScriptFolder(), "..", "tests", "Recordings"));

var sources = new[]
{
    new Source("auth0/go-auth0", "auth0/go-auth0", "c17c732a526bd64d53e107eff6cb08ef84333563", "test/data/recordings/", "MIT"),
    new Source("auth0/terraform-provider-auth0", "auth0/terraform-provider-auth0", "a00b69214a6c1daef76cf89d25ece690c7f9db22", "test/data/recordings/", "MPL-2.0"),
    new Source("scalekit/api-collections", "scalekit-inc/api-collections", "791f06e27a95c4f22c594b69192a33184c032f05", "postman/", "MIT"),
};

foreach (var generated in new[] { "auth0", "scalekit" })
{
    var path = Path.Combine(output, generated);
    if (Directory.Exists(path))
    {
        Directory.Delete(path, recursive: true);
    }
}

var written = 0;
foreach (var source in sources)
{
    var from = Path.Combine(fixtures, source.Folder);
    var to = Path.Combine(output, source.Folder);
    Directory.CreateDirectory(to);
    File.Copy(Path.Combine(from, "LICENSE"), Path.Combine(to, "LICENSE"));
    var count = source.Folder.StartsWith("auth0/", StringComparison.Ordinal)
        ? ExportCassettes(source, from, to)
        : ExportPostmanExamples(source, Path.Combine(from, "postman", "scalekit-api-endpoints.postman_collection.json"), Path.Combine(to, "postman"));
    Console.WriteLine($"{source.Folder}: {count} exchanges");
    written += count;
}
Console.WriteLine($"{written} exchanges written to {output}");
return 0;

static int ExportCassettes(Source source, string from, string to)
{
    var yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();
    var count = 0;
    foreach (var file in Directory.EnumerateFiles(from, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var relative = Path.GetRelativePath(from, file).Replace('\\', '/');
        using var reader = new StreamReader(file);
        var cassette = yaml.Deserialize<CassetteFile>(reader);
        var folder = Path.Combine(to, Path.ChangeExtension(relative, null));
        Directory.CreateDirectory(folder);
        foreach (var interaction in cassette.Interactions)
        {
            var url = new Uri(interaction.Request.Url);
            var exchange = new JsonObject
            {
                ["source"] = source.Describe(source.PathPrefix + relative, ("interaction", interaction.Id)),
                ["request"] = new JsonObject
                {
                    ["method"] = interaction.Request.Method,
                    ["path"] = url.AbsolutePath,
                    ["query"] = url.Query.TrimStart('?'),
                    ["contentType"] = ContentType(interaction.Request.Headers),
                    ["body"] = interaction.Request.Body,
                },
                ["response"] = new JsonObject
                {
                    ["status"] = interaction.Response.Code,
                    ["contentType"] = ContentType(interaction.Response.Headers),
                    ["body"] = interaction.Response.Body,
                },
            };
            Write(Path.Combine(folder, $"{interaction.Id:D3}.json"), exchange);
            count++;
        }
    }
    return count;
}

// The example's originalRequest is what was really sent (not always the request of the item it is saved under).
static int ExportPostmanExamples(Source source, string collectionFile, string to)
{
    const string EnvironmentUrl = "{{env_url}}";
    var collection = JsonNode.Parse(File.ReadAllText(collectionFile))!;
    var upstreamFile = source.PathPrefix + Path.GetFileName(collectionFile);
    Directory.CreateDirectory(to);
    var count = 0;
    foreach (var (itemPath, index, saved) in SavedExamples(collection["item"]!.AsArray(), ""))
    {
        var request = saved["originalRequest"]!.AsObject();
        var url = request["url"] is JsonObject urlObject ? urlObject["raw"]!.GetValue<string>() : request["url"]!.GetValue<string>();
        if (!url.StartsWith(EnvironmentUrl, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{itemPath} #{index}: the URL {url} does not start with {EnvironmentUrl}, which the tests substitute");
        }
        var pathAndQuery = url[EnvironmentUrl.Length..].Split('?', 2);
        var body = request["body"] as JsonObject;
        var mode = body?["mode"]?.GetValue<string>();
        var raw = mode == "raw" ? body!["raw"]?.GetValue<string>() : null;
        var exchange = new JsonObject
        {
            ["source"] = source.Describe(upstreamFile, ("item", itemPath), ("example", index), ("name", saved["name"]!.GetValue<string>())),
            ["request"] = new JsonObject
            {
                ["method"] = request["method"]!.GetValue<string>(),
                ["path"] = pathAndQuery[0],
                ["query"] = pathAndQuery.Length > 1 ? pathAndQuery[1] : "",
                ["contentType"] = HeaderValue(request["header"] as JsonArray, "Content-Type"),
                ["body"] = string.IsNullOrWhiteSpace(raw) ? "" : raw,
            },
            ["response"] = new JsonObject
            {
                ["status"] = saved["code"]!.GetValue<int>(),
                ["contentType"] = HeaderValue(saved["header"] as JsonArray, "Content-Type"),
                ["body"] = saved["body"]?.GetValue<string>() ?? "",
            },
        };
        if (mode == "urlencoded")
        {
            exchange["request"]!["form"] = new JsonArray(body!["urlencoded"]!.AsArray()
                .Where(field => field!["disabled"]?.GetValue<bool>() != true)
                .Select(field => (JsonNode)new JsonObject { ["key"] = field!["key"]!.GetValue<string>(), ["value"] = field["value"]!.GetValue<string>() })
                .ToArray());
        }
        Write(Path.Combine(to, $"{count:D2}.json"), exchange);
        count++;
    }
    return count;
}

// item[] nests folders; each request's response[] holds its saved examples, in document order.
static IEnumerable<(string ItemPath, int Index, JsonObject Saved)> SavedExamples(JsonArray items, string parent)
{
    foreach (var item in items.Select(i => i!.AsObject()))
    {
        var path = parent.Length == 0 ? item["name"]!.GetValue<string>() : $"{parent} / {item["name"]}";
        if (item["item"] is JsonArray children)
        {
            foreach (var nested in SavedExamples(children, path))
            {
                yield return nested;
            }
            continue;
        }
        var saved = item["response"]?.AsArray() ?? [];
        for (var index = 0; index < saved.Count; index++)
        {
            yield return (path, index, saved[index]!.AsObject());
        }
    }
}

static string? ContentType(Dictionary<string, List<string>> headers) =>
    headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

static string? HeaderValue(JsonArray? headers, string name) =>
    headers?.OfType<JsonObject>()
        .FirstOrDefault(h => string.Equals(h["key"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))?["value"]?.GetValue<string>();

static void Write(string path, JsonObject exchange)
{
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    File.WriteAllText(path, exchange.ToJsonString(options) + "\n");
}

static string ScriptFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

/// <summary>One upstream repository at one commit; <paramref name="Folder"/> is where its copy sits in the fixtures folder and in tests/Recordings.</summary>
sealed record Source(string Folder, string Repository, string Commit, string PathPrefix, string Licence)
{
    /// <summary>Where one exchange came from: this source, the file in its repository, and the entry in that file.</summary>
    public JsonObject Describe(string upstreamFile, params (string Key, JsonNode? Value)[] entry)
    {
        var described = new JsonObject
        {
            ["repository"] = Repository,
            ["commit"] = Commit,
            ["file"] = upstreamFile,
            ["licence"] = Licence,
        };
        foreach (var (key, value) in entry)
        {
            described[key] = value;
        }
        return described;
    }
}

/// <summary>The parts of a go-vcr v3 cassette that are kept.</summary>
sealed class CassetteFile
{
    public List<RecordedInteraction> Interactions { get; set; } = new();
}

sealed class RecordedInteraction
{
    public int Id { get; set; }

    public RecordedMessage Request { get; set; } = new();

    public RecordedMessage Response { get; set; } = new();
}

sealed class RecordedMessage
{
    public string Body { get; set; } = "";

    public Dictionary<string, List<string>> Headers { get; set; } = new();

    public string Url { get; set; } = "";

    public string Method { get; set; } = "";

    public int Code { get; set; }
}
