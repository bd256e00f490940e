using System.Management.Automation;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Commands;

/// <summary>New-ScalekitOrganization -Metadata hosted in-process, on machines set to other cultures: what Scalekit stores.</summary>
public sealed class OrganizationCmdletTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture), IDisposable
{
    private readonly HostedShell _shell = new();

    public void Dispose() => _shell.Dispose();

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Dates_numbers_and_booleans_are_stored_the_same_on_any_machine(string culture)
    {
        _shell.ConnectBoth(Fixture);

        _shell.Run($"[cultureinfo]::CurrentCulture = '{culture}'; " +
            "New-ScalekitOrganization -DisplayName Acme -ExternalId acme -Metadata @{ since = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc); ratio = 1.5; active = $true; seats = 1000 }");

        Assert.Empty(_shell.Errors);
        var stored = Assert.Single(Fixture.Host.Scalekit.State.OrganizationList()).Metadata;
        Assert.Equal("2026-01-02T03:04:05.0000000Z", stored["since"]);
        Assert.Equal("1.5", stored["ratio"]);
        Assert.Equal("true", stored["active"]);
        Assert.Equal("1000", stored["seats"]);
    }

    [Theory]
    [InlineData("@{ plan = @{ tier = 'gold' } }", "'plan'", "Hashtable")]
    [InlineData("@{ tags = @('a', 'b') }", "'tags'", "Object[]")]
    [InlineData("@{ owner = [pscustomobject]@{ a = 1 } }", "'owner'", "PSCustomObject")]
    public void A_nested_value_is_refused_naming_its_key_and_nothing_is_written(string metadata, string key, string typeName)
    {
        _shell.ConnectBoth(Fixture);

        var error = _shell.Terminating($"New-ScalekitOrganization -DisplayName Acme -ExternalId acme -Metadata {metadata} -ErrorAction Stop");

        Assert.Equal("InvalidScalekitMetadata", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(key, error.Exception.Message);
        Assert.Contains(typeName, error.Exception.Message);
        Assert.Empty(Fixture.Writes());
        Assert.Empty(Fixture.Host.Scalekit.State.OrganizationList());
    }
}
