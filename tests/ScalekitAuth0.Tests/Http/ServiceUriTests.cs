using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

public class ServiceUriTests
{
    [Theory]
    [InlineData("example.us.auth0.com", "https://example.us.auth0.com/")]
    [InlineData(" https://example.us.auth0.com/ ", "https://example.us.auth0.com/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/")]
    [InlineData("https://auth.acme.com:8443", "https://auth.acme.com:8443/")]
    public void Accepts_hosts_and_base_addresses(string input, string expected) =>
        Assert.Equal(expected, ServiceUri.Parse(input, "Domain").ToString());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://example.us.auth0.com", "plain http")]
    [InlineData("https://example.us.auth0.com/api/v2", "no path")]
    [InlineData("https://example.us.auth0.com/?x=1", "no path")]
    [InlineData("ftp://example.com", "not a host name")]
    public void Refuses_what_cannot_be_a_base_address(string input, string because)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceUri.Parse(input, "Domain"));
        Assert.Contains(because, error.Message);
        Assert.Equal("Domain", error.ParamName);
    }

    [Theory]
    [InlineData("http://id:s3cr3t@127.0.0.1:5000", "http://***@127.0.0.1:5000")]
    [InlineData("https://id:s3cr3t@example.us.auth0.com/", "https://***@example.us.auth0.com/")]
    [InlineData("id:s3cr3t@example.us.auth0.com", "***@example.us.auth0.com")]
    [InlineData("https://a@b:s3cr3t@example.us.auth0.com", "https://***@example.us.auth0.com")]
    public void An_address_with_user_info_is_refused_without_showing_it(string input, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceUri.Parse(input, "Domain"));

        Assert.Contains($"'{shown}'", error.Message);
        Assert.Contains("user name or password", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
        Assert.Equal(shown, ServiceUri.Shown(input));
    }

    [Fact]
    public void An_address_without_user_info_is_shown_as_given() =>
        Assert.Equal("https://example.us.auth0.com/x@y", ServiceUri.Shown("https://example.us.auth0.com/x@y"));
}
