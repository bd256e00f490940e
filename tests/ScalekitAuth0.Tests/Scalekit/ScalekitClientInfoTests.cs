using Newtonsoft.Json.Linq;
using ScalekitAuth0.Scalekit;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

public class ScalekitClientInfoTests
{
    [Theory]
    [InlineData("""{"client":{"id":"skc_1","post_login_uris":["https://a/cb"]}}""", "post_login_uris", 1)]
    [InlineData("""{"client":{"id":"skc_1","redirect_uris":["https://a/cb","https://b/cb"]}}""", "redirect_uris", 2)]
    [InlineData("""{"client":{"id":"skc_1","post_login_uris":["https://a/cb"],"redirect_uris":["https://b/cb"]}}""", "post_login_uris", 1)]
    [InlineData("""{"client":{"id":"skc_1","name":"env client"}}""", "post_login_uris", 0)]
    [InlineData("""{"client":{"id":"skc_1","redirect_uris":null}}""", "redirect_uris", 0)]
    public void Uses_the_legacy_key_only_when_the_server_shows_it_instead(string answer, string field, int count)
    {
        var client = ScalekitClientInfo.Parse(JToken.Parse(answer), "skc_1")!;

        Assert.Equal(field, client.RedirectUriField);
        Assert.Equal(count, client.RedirectUris.Count);
    }

    [Theory]
    [InlineData("""{"id":"skc_1","post_login_uris":[]}""")]
    [InlineData("""{"client":{"id":"skc_1","post_login_uris":["https://a/cb",3]}}""")]
    [InlineData("""{"client":{"id":"skc_1","post_login_uris":"https://a/cb"}}""")]
    [InlineData("""[]""")]
    public void Refuses_what_is_not_a_client_with_a_list_of_uris(string answer) =>
        Assert.Null(ScalekitClientInfo.Parse(JToken.Parse(answer), "skc_1"));
}
