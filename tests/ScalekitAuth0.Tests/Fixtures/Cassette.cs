using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>
/// One go-vcr v3 cassette (the format of every <c>shared/fixtures/auth0/**/*.yaml</c>; see that
/// folder's README): the recorded HTTP exchanges of one upstream test, in the order they were made.
/// </summary>
public sealed class Cassette
{
    public int Version { get; set; }

    public List<Interaction> Interactions { get; set; } = new();

    /// <summary>The file it was read from, relative to the fixtures folder, with forward slashes.</summary>
    [YamlIgnore]
    public string Name { get; set; } = "";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static Cassette Load(string path)
    {
        using var reader = new StreamReader(path);
        var cassette = Yaml.Deserialize<Cassette>(reader);
        cassette.Name = Path.GetRelativePath(FixturePaths.Root, path).Replace('\\', '/');
        return cassette;
    }

    /// <summary>Every cassette below <paramref name="folder"/> (relative to the fixtures folder), in a stable order.</summary>
    public static IEnumerable<string> Under(string folder) =>
        Directory.EnumerateFiles(Path.Combine(FixturePaths.Root, folder), "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(FixturePaths.Root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal);
}

public sealed class Interaction
{
    public int Id { get; set; }

    public RecordedRequest Request { get; set; } = new();

    public RecordedResponse Response { get; set; } = new();
}

public sealed class RecordedRequest
{
    /// <summary>The raw body; "" when there was none.</summary>
    public string Body { get; set; } = "";

    /// <summary>Filled only for x-www-form-urlencoded bodies.</summary>
    public Dictionary<string, List<string>> Form { get; set; } = new();

    public Dictionary<string, List<string>> Headers { get; set; } = new();

    /// <summary>Absolute, with the query string.</summary>
    public string Url { get; set; } = "";

    public string Method { get; set; } = "";

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

public sealed class RecordedResponse
{
    /// <summary>The raw body; "" for a 204.</summary>
    public string Body { get; set; } = "";

    public Dictionary<string, List<string>> Headers { get; set; } = new();

    /// <summary>The status line's text, e.g. "201 Created".</summary>
    public string Status { get; set; } = "";

    public int Code { get; set; }
}

/// <summary>Where the shared recordings are: <c>SCALEKITAUTH0_FIXTURES</c>, or the nearest <c>shared/fixtures</c> above the test assembly.</summary>
public static class FixturePaths
{
    private static readonly Lazy<string> Found = new(Locate);

    public static string Root => Found.Value;

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("SCALEKITAUTH0_FIXTURES") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"SCALEKITAUTH0_FIXTURES names {configured}, which does not exist.");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No shared/fixtures folder above {AppContext.BaseDirectory}; set SCALEKITAUTH0_FIXTURES to the fixtures folder.");
    }
}
