using System.Net;
using System.Net.Sockets;
using ScalekitAuth0.Http;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

/// <summary>Which transport failures mean "no connection to that host": the exception chains .NET and .NET Framework throw.</summary>
public class UnreachableHostTests
{
    private static readonly Uri Tenant = new("https://exmaple.us.auth0.com:8443/oauth/token");

    [Theory]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.NoData)]
    [InlineData(SocketError.TryAgain)]
    public void A_name_DNS_does_not_resolve_is_named_by_its_host(SocketError error)
    {
        var host = UnreachableHost.Of(new HttpRequestException("Name or service not known", new SocketException((int)error)), Tenant);

        Assert.NotNull(host);
        Assert.True(host.NameNotResolved);
        Assert.Equal("exmaple.us.auth0.com", host.Host);
        Assert.Contains("'exmaple.us.auth0.com'", host.Describe());
        Assert.Contains("DNS", host.Advice("Auth0"));
    }

    [Fact]
    public void Windows_PowerShell_5_1s_WebException_for_a_name_that_does_not_resolve_counts_the_same()
    {
        var host = UnreachableHost.Of(new HttpRequestException("An error occurred while sending the request.",
            new WebException("The remote name could not be resolved: 'exmaple.us.auth0.com'", WebExceptionStatus.NameResolutionFailure)), Tenant);

        Assert.True(host?.NameNotResolved);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostUnreachable)]
    [InlineData(SocketError.NetworkUnreachable)]
    public void A_host_that_refuses_or_cannot_be_reached_is_named_with_its_port(SocketError error)
    {
        var host = UnreachableHost.Of(new HttpRequestException("refused", new SocketException((int)error)), Tenant);

        Assert.NotNull(host);
        Assert.False(host.NameNotResolved);
        Assert.Equal("exmaple.us.auth0.com:8443", host.Host);
    }

    [Fact]
    public void A_connection_cut_after_it_was_made_is_not_an_unreachable_host()
    {
        Assert.Null(UnreachableHost.Of(new HttpRequestException("The response ended prematurely.", new IOException("reset")), Tenant));
        Assert.Null(UnreachableHost.Of(new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)), Tenant));
    }

    [Fact]
    public async Task A_refused_connection_through_the_transport_names_the_host_and_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var transport = new ApiTransport("Auth0", new Uri($"http://127.0.0.1:{port}/"), new TransportSettings { MaxAttempts = 2 });
        var log = new RecordingLog();

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.SendAnonymousAsync(ApiRequest.Get("api/v2/connections"), log.Operation()));

        Assert.Equal(ApiErrorKind.Network, error.Kind);
        Assert.Equal($"127.0.0.1:{port}", error.Unreachable?.Host);
        Assert.Contains($"'127.0.0.1:{port}' refused the connection", error.Message);
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith($"GET http://127.0.0.1:{port}/api/v2/connections -> ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_tried_twice_at_most_whatever_the_retry_bound()
    {
        var transport = new ApiTransport("Auth0", new Uri("https://nowhere.invalid/"), new TransportSettings { MaxAttempts = 5 });
        var log = new RecordingLog();

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.SendAnonymousAsync(ApiRequest.Get("api/v2/connections"), log.Operation()));

        Assert.True(error.Unreachable?.NameNotResolved, error.Message);
        Assert.Contains("'nowhere.invalid' could not be resolved", error.Message);
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith("GET https://nowhere.invalid/api/v2/connections -> ", StringComparison.Ordinal)));
    }
}
