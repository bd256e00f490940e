using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Auth0;

/// <summary>Which URLs Auth0 receives logins back on, from the sandbox's custom domains in each state.</summary>
public sealed class Auth0CallbackUrlTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Tenant => new Uri(fixture.Host.Auth0Url).Authority;

    private Task AddCustomDomainAsync(string domain, string status) =>
        fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/custom-domains", new { domain, status });

    [Fact]
    public async Task A_tenant_without_custom_domains_has_its_own_callback_only()
    {
        var url = Assert.Single(await fixture.Auth0Context().Client.GetCallbackUrlsAsync(Operation.Silent()));

        Assert.Equal(fixture.Host.Auth0Url + "/login/callback", url.Url);
        Assert.Equal(CallbackUrlSource.Canonical, url.Source);
        Assert.Equal("127.0.0.1", url.Domain);
        Assert.Equal(Tenant, url.Tenant);
    }

    [Fact]
    public async Task Each_ready_custom_domain_adds_one_on_https_and_the_default_port_whatever_the_tenant_was_reached_at()
    {
        Assert.Equal("http", new Uri(fixture.Host.Auth0Url).Scheme);
        Assert.False(new Uri(fixture.Host.Auth0Url).IsDefaultPort);
        await AddCustomDomainAsync("login.acme.com", "ready");
        await AddCustomDomainAsync("pending.acme.com", "pending_verification");
        await AddCustomDomainAsync("broken.acme.com", "failed");
        await AddCustomDomainAsync("auth.acme.co.uk", "ready");

        var urls = await fixture.Auth0Context().Client.GetCallbackUrlsAsync(Operation.Silent());

        // Auth0 lists auth.acme.co.uk first; login.acme.com, the tenant's first custom domain, is its primary one and comes first.
        Assert.Equal(
            [fixture.Host.Auth0Url + "/login/callback", "https://login.acme.com/login/callback", "https://auth.acme.co.uk/login/callback"],
            urls.Select(u => u.Url));
        Assert.Equal(CallbackUrlSource.Canonical, urls[0].Source);
        Assert.All(urls.Skip(1), u => Assert.Equal(CallbackUrlSource.CustomDomain, u.Source));
        Assert.All(urls, u => Assert.Equal(Tenant, u.Tenant));
        Assert.Equal(["127.0.0.1", "login.acme.com", "auth.acme.co.uk"], urls.Select(u => u.Domain));
    }

    [Fact]
    public async Task The_primary_custom_domain_comes_first_whichever_it_is()
    {
        await fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/custom-domains", new { domain = "login.acme.com", status = "ready", primary = false });
        await AddCustomDomainAsync("aa.acme.com", "ready");
        await fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/custom-domains", new { domain = "zz.acme.com", status = "ready", primary = true });

        var urls = await fixture.Auth0Context().Client.GetCallbackUrlsAsync(Operation.Silent());

        Assert.Equal(["127.0.0.1", "zz.acme.com", "aa.acme.com", "login.acme.com"], urls.Select(u => u.Domain));
    }

    [Fact]
    public async Task Custom_domains_are_read_page_by_page()
    {
        await AddCustomDomainAsync("login.acme.com", "ready");

        await fixture.Auth0Context().Client.ListCustomDomainsAsync(Operation.Silent());

        var list = Assert.Single(fixture.Requests(Services.Auth0, "GET"), r => r.Path == "/api/v2/custom-domains");
        Assert.Contains("take=", list.Query);
    }

    [Fact]
    public async Task A_token_without_read_custom_domains_warns_naming_the_scope_and_still_gives_the_tenants_url()
    {
        var scopes = Auth0Client.RequiredScopes.Where(s => s != "read:custom_domains").ToArray();
        var created = await (await fixture.Http.PostAsJsonAsync(fixture.Host.Auth0Url + "/_sandbox/auth0/clients", new { name = "no-domains", scopes }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var auth0 = Auth0Context.WithClientCredentials(new Uri(fixture.Host.Auth0Url + "/"), (string)created!["client_id"]!,
            Secret.Protect((string)created["client_secret"]!), TransportSettings.Default);
        await AddCustomDomainAsync("login.acme.com", "ready");
        var log = new RecordingLog();

        var url = Assert.Single(await auth0.Client.GetCallbackUrlsAsync(log.Operation()));

        Assert.Equal(CallbackUrlSource.Canonical, url.Source);
        Assert.Contains("read:custom_domains", Assert.Single(log.Warnings));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_tenant_without_the_custom_domains_feature_has_its_own_callback_only(int status)
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/custom-domains", Status = status });
        var log = new RecordingLog();

        var url = Assert.Single(await fixture.Auth0Context().Client.GetCallbackUrlsAsync(log.Operation()));

        Assert.Equal(CallbackUrlSource.Canonical, url.Source);
        Assert.Empty(log.Warnings);
        Assert.Contains(log.Messages, m => m.Contains("no custom domains feature"));
    }

    [Fact]
    public async Task Any_other_failure_to_read_custom_domains_is_an_error()
    {
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/api/v2/custom-domains", Status = 500 });

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Auth0Context().Client.GetCallbackUrlsAsync(Operation.Silent()));

        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
    }
}
