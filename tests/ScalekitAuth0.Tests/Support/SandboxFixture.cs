using System.Net.Http.Json;
using System.Security;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox;
using ScalekitAuth0.Sandbox.Infrastructure;
using Xunit;

namespace ScalekitAuth0.Tests.Support;

/// <summary>One in-process sandbox per test class; each test starts from the seeds.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Sandbox { get; private set; } = null!;

    public HttpClient Control { get; } = new();

    public async Task InitializeAsync() => Sandbox = await SandboxHost.StartAsync(new SandboxOptions());

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Sandbox.DisposeAsync();
    }

    public async Task ResetAsync() => (await Control.PostAsync(Sandbox.Auth0Url + "/_sandbox/reset", null)).EnsureSuccessStatusCode();

    public async Task AddFaultAsync(FaultRule rule) =>
        (await Control.PostAsJsonAsync(Sandbox.Auth0Url + "/_sandbox/faults", rule, ControlJson.Options)).EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Sandbox.Auth0Url + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ControlJson.Options);
        }
        var response = await Control.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    public IReadOnlyList<LoggedRequest> Requests(string service, string? method = null) =>
        Sandbox.RequestLog.Snapshot().Where(r => r.Service == service && (method is null || r.Method == method)).ToList();

    public IReadOnlyList<LoggedRequest> Writes() =>
        Sandbox.RequestLog.Snapshot().Where(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE" && r.Path != "/oauth/token").ToList();

    public Auth0Context Auth0Context(TransportSettings? settings = null) =>
        ScalekitAuth0.Auth0Context.WithClientCredentials(new Uri(Sandbox.Auth0Url + "/"), Sandbox.Auth0ClientId, Secure(Sandbox.Auth0ClientSecret), settings ?? TransportSettings.Default);

    public ScalekitContext ScalekitContext(TransportSettings? settings = null) =>
        ScalekitAuth0.ScalekitContext.WithClientCredentials(new Uri(Sandbox.ScalekitUrl + "/"), Sandbox.ScalekitClientId, Secure(Sandbox.ScalekitClientSecret), settings ?? TransportSettings.Default);

    public static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }
        secure.MakeReadOnly();
        return secure;
    }
}
