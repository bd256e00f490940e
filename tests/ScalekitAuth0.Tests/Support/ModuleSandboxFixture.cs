using System.Net.Http.Json;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Tests.Support;

/// <summary>One in-process sandbox per test class, reached through the module's own contexts (clients and cmdlets); each test starts from the seeds.</summary>
public sealed class ModuleSandboxFixture : InProcessSandbox
{
    public async Task AddFaultAsync(FaultRule rule) =>
        (await Http.PostAsJsonAsync(Host.Auth0Url + "/_sandbox/faults", rule, ControlJson.Options)).EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Host.Auth0Url + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ControlJson.Options);
        }
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    public IReadOnlyList<LoggedRequest> Requests(string service, string? method = null) =>
        Host.RequestLog.Snapshot().Where(r => r.Service == service && (method is null || r.Method == method)).ToList();

    public IReadOnlyList<LoggedRequest> Writes() =>
        Host.RequestLog.Snapshot().Where(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE" && r.Path != "/oauth/token").ToList();

    internal Auth0Context Auth0Context(TransportSettings? settings = null) =>
        ScalekitAuth0.Auth0Context.WithClientCredentials(new Uri(Host.Auth0Url + "/"), Host.Auth0ClientId, Secret.Protect(Host.Auth0ClientSecret), settings ?? TransportSettings.Default);

    internal ScalekitContext ScalekitContext(TransportSettings? settings = null) =>
        ScalekitAuth0.ScalekitContext.WithClientCredentials(new Uri(Host.ScalekitUrl + "/"), Host.ScalekitClientId, Secret.Protect(Host.ScalekitClientSecret), settings ?? TransportSettings.Default);
}
