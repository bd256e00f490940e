using ScalekitAuth0.Scalekit;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

public class RedirectUriTests
{
    [Theory]
    [InlineData("https://acme.us.auth0.com/login/callback")]
    [InlineData(" https://login.acme.com/login/callback ")]
    [InlineData("http://127.0.0.1:40001/login/callback")]
    [InlineData("http://localhost:3000/api/callback")]
    public void Allows_absolute_http_urls_without_query_or_fragment(string url) => Assert.Null(RedirectUri.Problem(url));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/login/callback", "not an absolute")]
    [InlineData("acme.us.auth0.com/login/callback", "not an absolute")]
    [InlineData("ftp://acme.com/login/callback", "not an absolute")]
    [InlineData("https://acme.us.auth0.com/login/callback?x=1", "query string")]
    [InlineData("https://acme.us.auth0.com/login/callback#top", "fragment")]
    [InlineData("https://acme.us.auth0.com/log in/callback", "white space")]
    public void Names_the_rule_a_url_breaks(string url, string rule) => Assert.Contains(rule, RedirectUri.Problem(url));

    [Fact]
    public void Allows_256_characters_and_no_more()
    {
        var prefix = "https://acme.us.auth0.com/";
        Assert.Null(RedirectUri.Problem(prefix + new string('a', 256 - prefix.Length)));
        Assert.Contains("257 characters long; Scalekit allows at most 256", RedirectUri.Problem(prefix + new string('a', 257 - prefix.Length)));
    }
}
