using System.Text.Json;

namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>
/// The recorded traffic the tests replay: <c>tests/Recordings</c> of this repository (its README says
/// where each file came from; <c>tools/Export-Recordings.cs</c> writes them). Every path is resolved
/// through <see cref="Resolve"/>, so nothing outside that folder is ever read: a bare clone has all it needs.
/// </summary>
public static class Recordings
{
    /// <summary>The file that marks the repository's root.</summary>
    public const string RootMarker = "Module.sln";

    private static readonly Lazy<string> FoundRepositoryRoot = new(() => FindRepositoryRoot(AppContext.BaseDirectory));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt or missing field fails the load instead of replaying an empty value.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The nearest folder above the test assembly that holds <see cref="RootMarker"/>.</summary>
    public static string RepositoryRoot => FoundRepositoryRoot.Value;

    public static string Root => Path.Combine(RepositoryRoot, "tests", "Recordings");

    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No {RootMarker} in {start} or above it: the tests run from a build inside the repository.");
    }

    /// <summary>The full path of <paramref name="relative"/> inside <see cref="Root"/>; throws for a path that would leave it.</summary>
    public static string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsInside(full, Root))
        {
            throw new ArgumentException(
                $"'{relative}' resolves to {full}, outside {Root}: recordings are read only from the repository's tests/Recordings.", nameof(relative));
        }
        return full;
    }

    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>The folders below <paramref name="folder"/> that hold exchanges, relative to <see cref="Root"/> with forward slashes, in a stable order.</summary>
    public static IEnumerable<string> ExchangeFoldersUnder(string folder) =>
        Directory.EnumerateDirectories(Resolve(folder), "*", SearchOption.AllDirectories)
            .Where(dir => Directory.EnumerateFiles(dir, "*.json").Any())
            .Select(dir => Path.GetRelativePath(Root, dir).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The exchanges of one folder, in the order of their file names (the order they were recorded in).</summary>
    public static IReadOnlyList<RecordedExchange> ExchangesIn(string folder) =>
        Directory.EnumerateFiles(Resolve(folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => Read(Path.GetRelativePath(Root, file)))
            .ToList();

    public static RecordedExchange Read(string relativeFile)
    {
        var path = Resolve(relativeFile);
        var exchange = JsonSerializer.Deserialize<RecordedExchange>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} holds null, not an exchange.");
        return exchange with { File = Path.GetRelativePath(Root, path).Replace('\\', '/') };
    }
}

/// <summary>One recorded request and its answer, as tools/Export-Recordings.cs writes it.</summary>
public sealed record RecordedExchange(ExchangeSource Source, RecordedRequest Request, RecordedResponse Response)
{
    /// <summary>Where it was read from, relative to <see cref="Recordings.Root"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string File { get; init; } = "";

    public override string ToString() => Source.Title;
}

/// <summary>The upstream file an exchange was taken from: a cassette's <see cref="Interaction"/>, or a Postman item's saved <see cref="Example"/>.</summary>
public sealed record ExchangeSource(
    string Repository,
    string Commit,
    string File,
    string Licence,
    int? Interaction = null,
    string? Item = null,
    int? Example = null,
    string? Name = null)
{
    public string Title => Interaction is { } id ? $"{File} #{id}" : $"{Item} #{Example} ({Name})";
}

/// <summary><see cref="Query"/> is the raw query string without '?' ("" when none); <see cref="Body"/> is the raw body ("" when none).</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? ContentType,
    string Body,
    IReadOnlyList<KeyValuePair<string, string>>? Form = null);

/// <summary><see cref="Body"/> is the raw body ("" for a 204).</summary>
public sealed record RecordedResponse(int Status, string? ContentType, string Body);
