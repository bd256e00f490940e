using System.Net.Http.Headers;
using System.Text;
using ScalekitAuth0.Sandbox;
using Xunit;

namespace ScalekitAuth0.Tests.Support;

/// <summary>
/// What every xunit sandbox fixture shares: one in-process sandbox per test class, a plain
/// HttpClient to reach it, and a way back to the seeds before each test.
/// </summary>
public abstract class InProcessSandbox : IAsyncLifetime
{
    private SandboxHost? _host;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("The sandbox has not started.");

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync(new SandboxOptions());

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Calls one emulator as the module would: a bearer <paramref name="token"/> and a JSON body, each when given.</summary>
    protected async Task<Answer> SendToAsync(string serviceUrl, HttpMethod method, string pathAndQuery, string? token, string? json)
    {
        using var request = new HttpRequestMessage(method, serviceUrl + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        return await Answer.FromAsync(response);
    }

    /// <summary>State back to the seeds; faults, rate limit and request log cleared (the control routes answer on both ports).</summary>
    public async Task ResetAsync() => (await Http.PostAsync(Host.Auth0Url + "/_sandbox/reset", null)).EnsureSuccessStatusCode();
}
