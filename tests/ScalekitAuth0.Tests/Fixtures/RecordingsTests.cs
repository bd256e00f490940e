using Xunit;

namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>The replay tests read their recordings from this repository only, so a bare clone passes them.</summary>
public sealed class RecordingsTests
{
    [Fact]
    public void The_recordings_are_read_from_the_repository_that_holds_the_test_assembly()
    {
        var repository = Recordings.RepositoryRoot;

        Assert.True(File.Exists(Path.Combine(repository, Recordings.RootMarker)), $"{repository} holds no {Recordings.RootMarker}");
        Assert.True(Recordings.IsInside(AppContext.BaseDirectory, repository), $"the test assembly in {AppContext.BaseDirectory} is not under {repository}");
        Assert.True(Recordings.IsInside(Recordings.Root, repository), $"{Recordings.Root} is not under {repository}");
        Assert.Equal(Path.Combine(repository, "tests", "Recordings"), Recordings.Root);
        Assert.True(Directory.Exists(Recordings.Root), $"{Recordings.Root} does not exist");
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../Pester")]
    [InlineData("../../Module.sln")]
    [InlineData("auth0/../../../../elsewhere")]
    [InlineData("/etc/hostname")]
    public void A_path_that_would_leave_the_recordings_folder_is_refused(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => Recordings.Resolve(path));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth0/go-auth0/LICENSE")]
    [InlineData("auth0/../scalekit/api-collections/LICENSE")]
    public void A_path_inside_the_recordings_folder_resolves_there(string path)
    {
        var resolved = Recordings.Resolve(path);

        Assert.True(Recordings.IsInside(resolved, Recordings.Root), resolved);
        Assert.True(File.Exists(resolved), resolved);
    }

    [Fact]
    public void Every_recording_names_its_source_and_has_that_sources_licence_beside_it()
    {
        var all = Cassette.Under("auth0").SelectMany(name => Cassette.Load(name).Exchanges).Concat(PostmanCollection.All).ToList();

        Assert.Equal(276 + 47, all.Count);
        Assert.All(all, exchange =>
        {
            Assert.Matches("^[a-z0-9-]+/[a-z0-9-]+$", exchange.Source.Repository);
            Assert.Matches("^[0-9a-f]{40}$", exchange.Source.Commit);
            Assert.NotEmpty(exchange.Source.File);
        });
        // The first two segments of a recording's path name its source (auth0/go-auth0, scalekit/api-collections).
        foreach (var source in all.GroupBy(e => string.Join('/', e.File.Split('/').Take(2))))
        {
            var licence = Assert.Single(source.Select(e => e.Source.Licence).Distinct());
            var text = File.ReadAllText(Recordings.Resolve($"{source.Key}/LICENSE"));
            Assert.Contains(licence == "MPL-2.0" ? "Mozilla Public License Version 2.0" : "MIT License", text, StringComparison.Ordinal);
        }
    }
}
