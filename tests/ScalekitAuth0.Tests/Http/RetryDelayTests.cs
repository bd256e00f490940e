using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

public class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage With(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    [Fact]
    public void Retry_after_in_seconds_wins() =>
        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelay.FromServer(With(("Retry-After", "3"), ("x-ratelimit-reset", "99999999999")).Headers, Now));

    [Fact]
    public void Retry_after_as_an_http_date_counts_from_now() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.FromServer(With(("Retry-After", Now.AddSeconds(30).ToString("R"))).Headers, Now));

    [Fact]
    public void Rate_limit_reset_is_used_when_there_is_no_retry_after() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.FromServer(With(("x-ratelimit-reset", Now.AddSeconds(5).ToUnixTimeSeconds().ToString())).Headers, Now));

    [Fact]
    public void A_reset_in_the_past_means_no_wait() =>
        Assert.Equal(TimeSpan.Zero, RetryDelay.FromServer(With(("x-ratelimit-reset", Now.AddSeconds(-5).ToUnixTimeSeconds().ToString())).Headers, Now));

    [Fact]
    public void No_header_leaves_the_choice_to_backoff() => Assert.Null(RetryDelay.FromServer(With().Headers, Now));

    [Theory]
    [InlineData(1, 0.5, 500)]
    [InlineData(2, 0.5, 1000)]
    [InlineData(3, 0.0, 1600)]
    [InlineData(10, 0.5, 10000)]
    public void Backoff_doubles_with_jitter_and_is_capped(int retry, double jitter, double expectedMs) =>
        Assert.Equal(expectedMs, RetryDelay.Backoff(retry, jitter).TotalMilliseconds, precision: 3);
}
