using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

public class ApiJsonTests
{
    [Fact]
    public void Timestamps_stay_the_strings_the_service_sent()
    {
        var json = ApiJson.Parse("{\"create_time\":\"2024-05-20T12:07:51.680Z\",\"metadata\":{\"since\":\"2024-01-01T10:00:00Z\"}}");

        Assert.Equal(JTokenType.String, json["create_time"]!.Type);
        Assert.Equal("2024-05-20T12:07:51.680Z", (string?)json["create_time"]);
        Assert.Equal("2024-01-01T10:00:00Z", (string?)json["metadata"]!["since"]);
    }
}
