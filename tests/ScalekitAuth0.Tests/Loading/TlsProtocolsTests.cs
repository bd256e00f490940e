using System.Net;
using ScalekitAuth0.Loading;
using Xunit;

// Ssl3, Tls and Tls11 are obsolete on .NET 10, but they are exactly what Windows PowerShell 5.1
// starts with, so the tests must name them.
#pragma warning disable CS0618, SYSLIB0039

namespace ScalekitAuth0.Tests.Loading;

public class TlsProtocolsTests
{
    private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

    public static TheoryData<SecurityProtocolType> Starting => new()
    {
        SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls,
        SecurityProtocolType.Tls,
        SecurityProtocolType.Tls11,
        SecurityProtocolType.Tls12,
        SecurityProtocolType.Tls | SecurityProtocolType.Tls12,
        SecurityProtocolType.Tls12 | Tls13,
        Tls13,
    };

    [Theory]
    [MemberData(nameof(Starting))]
    public void Adds_the_required_versions_and_keeps_every_one_already_allowed(SecurityProtocolType current)
    {
        var result = TlsProtocols.Add(current, SecurityProtocolType.Tls12 | Tls13);

        Assert.Equal(current | SecurityProtocolType.Tls12 | Tls13, result);
        Assert.Equal(current, result & current);
    }

    [Fact]
    public void Windows_PowerShell_defaults_gain_tls_1_2_beside_ssl3_and_tls_1_0() =>
        Assert.Equal(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12,
            TlsProtocols.Add(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls, SecurityProtocolType.Tls12));

    [Fact]
    public void Tls_1_2_already_allowed_is_left_as_it_is() =>
        Assert.Equal(SecurityProtocolType.Tls12, TlsProtocols.Add(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12));

    [Theory]
    [InlineData(SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12 | Tls13)]
    public void System_default_stays_the_operating_systems_choice(SecurityProtocolType required) =>
        Assert.Equal(SecurityProtocolType.SystemDefault, TlsProtocols.Add(SecurityProtocolType.SystemDefault, required));

    [Fact]
    public void Requires_tls_1_2_and_the_tls_1_3_this_runtime_defines()
    {
        Assert.Equal(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13, TlsProtocols.Required);
        Assert.Equal(Tls13, SecurityProtocolType.Tls13);
    }
}
