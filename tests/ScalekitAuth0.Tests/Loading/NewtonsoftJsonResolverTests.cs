using System.Reflection;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Loading;
using Xunit;

namespace ScalekitAuth0.Tests.Loading;

public sealed class NewtonsoftJsonResolverTests : IDisposable
{
    private const string NewtonsoftToken = "30ad4fe6b2a6aeed";
    private static readonly Assembly Module = typeof(NewtonsoftJsonResolver).Assembly;

    // A module folder of our own, with the Newtonsoft.Json 13 the module ships.
    private readonly string folder = Directory.CreateTempSubdirectory("ScalekitAuth0.Resolver.").FullName;
    private readonly NewtonsoftJsonResolver resolver;

    public NewtonsoftJsonResolverTests()
    {
        File.Copy(typeof(JObject).Assembly.Location, Path.Combine(folder, "Newtonsoft.Json.dll"));
        resolver = new NewtonsoftJsonResolver(Module, folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static AssemblyName Request(string name, string version = "13.0.0.0", string token = NewtonsoftToken) =>
        new($"{name}, Version={version}, Culture=neutral, PublicKeyToken={token}");

    [Theory]
    [InlineData("13.0.0.0")]
    [InlineData("12.0.0.0")]
    [InlineData("10.0.0.0")]
    public void Gives_our_copy_to_our_assembly_for_a_version_it_satisfies(string version) =>
        Assert.Equal(Path.Combine(folder, "Newtonsoft.Json.dll"), resolver.PathFor(Request("Newtonsoft.Json", version), Module));

    [Fact]
    public void Answers_a_request_that_names_no_requester() =>
        Assert.Equal(Path.Combine(folder, "Newtonsoft.Json.dll"), resolver.PathFor(Request("Newtonsoft.Json"), requester: null));

    [Theory]
    [InlineData("System.Text.Json", "cc7b13ffcd2ddd51")]
    [InlineData("Newtonsoft.Json.Bson", NewtonsoftToken)]
    [InlineData("ScalekitAuth0", "null")]
    [InlineData("Microsoft.Identity.Client", "0a613f4dd989e8ae")]
    public void Does_not_answer_for_any_other_assembly(string name, string token) =>
        Assert.Null(resolver.PathFor(Request(name, token: token), Module));

    [Fact]
    public void Does_not_answer_for_a_copy_signed_with_another_key() =>
        Assert.Null(resolver.PathFor(Request("Newtonsoft.Json", token: "b77a5c561934e089"), Module));

    [Fact]
    public void Does_not_answer_a_request_without_a_key() =>
        Assert.Multiple(
            () => Assert.Null(resolver.PathFor(Request("Newtonsoft.Json", token: "null"), Module)),
            () => Assert.Null(resolver.PathFor(new AssemblyName("Newtonsoft.Json"), Module)));

    [Fact]
    public void Does_not_answer_for_a_version_newer_than_ours() =>
        Assert.Null(resolver.PathFor(Request("Newtonsoft.Json", "14.0.0.0"), Module));

    [Fact]
    public void Does_not_answer_another_assemblys_request() =>
        Assert.Null(resolver.PathFor(Request("Newtonsoft.Json"), typeof(JObject).Assembly));

    [Fact]
    public void Does_not_answer_when_our_copy_is_missing()
    {
        var empty = Directory.CreateTempSubdirectory("ScalekitAuth0.Resolver.").FullName;
        try
        {
            Assert.Null(new NewtonsoftJsonResolver(Module, empty).PathFor(Request("Newtonsoft.Json"), Module));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
