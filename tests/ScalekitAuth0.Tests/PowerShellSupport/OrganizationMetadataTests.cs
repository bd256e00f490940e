using System.Collections;
using System.Management.Automation;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.PowerShellSupport;

/// <summary>-Metadata values as Scalekit stores them (strings), whatever the culture of the machine the runbook runs on.</summary>
public sealed class OrganizationMetadataTests
{
    public static TheoryData<string> Cultures => new() { "de-DE", "tr-TR", "en-US" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Scalars_are_written_in_the_invariant_culture(string culture)
    {
        using var _ = new CultureScope(culture);
        var metadata = new Hashtable
        {
            ["since"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["renews"] = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
            ["active"] = true,
            ["trial"] = false,
            ["ratio"] = 1.5,
            ["price"] = 1234.5m,
            ["seats"] = 1000000,
            ["share"] = 0.1f,
            ["wrapped"] = PSObject.AsPSObject(42),
            ["tier"] = "gold",
            ["INDEX"] = "i",
        };

        var written = OrganizationMetadata.From(metadata)!;

        Assert.Equal("2026-01-02T03:04:05.0000000Z", written["since"]);
        Assert.Equal("2027-01-02T03:04:05.0000000+01:00", written["renews"]);
        Assert.Equal("true", written["active"]);
        Assert.Equal("false", written["trial"]);
        Assert.Equal("1.5", written["ratio"]);
        Assert.Equal("1234.5", written["price"]);
        Assert.Equal("1000000", written["seats"]);
        Assert.Equal("0.1", written["share"]);
        Assert.Equal("42", written["wrapped"]);
        Assert.Equal("gold", written["tier"]);
        Assert.Equal("i", written["INDEX"]);
    }

    public static TheoryData<object, string> NotScalars => new()
    {
        { new Hashtable { ["tier"] = "gold" }, "Hashtable" },
        { new object[] { "a", "b" }, "Object[]" },
        { PSObject.AsPSObject(new object[] { "a", "b" }), "Object[]" },
        { new List<int> { 1, 2 }, "List`1" },
        { new Dictionary<string, string> { ["a"] = "1" }, "Dictionary`2" },
        { new PSObject(), "PSCustomObject" },
    };

    [Theory]
    [MemberData(nameof(NotScalars))]
    public void A_value_that_is_not_one_scalar_is_refused_naming_its_key(object value, string typeName)
    {
        using var _ = new CultureScope("tr-TR");

        var error = Assert.Throws<ScalekitAuth0Exception>(() => OrganizationMetadata.From(new Hashtable { ["plan"] = value }));

        Assert.Equal("InvalidScalekitMetadata", error.ErrorId);
        Assert.Contains("-Metadata", error.Message);
        Assert.Contains("'plan'", error.Message);
        Assert.Contains(typeName, error.Message);
        Assert.Contains("ConvertTo-Json", error.RecommendedAction);
    }

    [Fact]
    public void Every_key_whose_value_is_not_a_scalar_is_named_in_one_error()
    {
        var error = Assert.Throws<ScalekitAuth0Exception>(() => OrganizationMetadata.From(
            new Hashtable { ["plan"] = new Hashtable(), ["tags"] = new[] { "a" }, ["tier"] = "gold", ["owner"] = null }));

        Assert.Equal("InvalidScalekitMetadata", error.ErrorId);
        Assert.Contains("'plan' (Hashtable)", error.Message);
        Assert.Contains("'tags' (String[])", error.Message);
        Assert.Contains("'owner' (null)", error.Message);
        Assert.DoesNotContain("tier", error.Message);
    }
}
