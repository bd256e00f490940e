using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

/// <summary>Organizations, their domains and portal links, over real HTTP against the sandbox.</summary>
public sealed class ScalekitOrganizationClientTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    private ScalekitClient Client { get; } = fixture.ScalekitContext().Client;

    private Task<ScalekitOrganization> CreateAsync(string name, string? externalId = null) =>
        Client.CreateOrganizationAsync(name, externalId, null, Operation.Silent());

    [Fact]
    public async Task A_created_organization_is_found_by_id_and_by_external_id()
    {
        var created = await Client.CreateOrganizationAsync("Acme", "acme/eu", new Dictionary<string, string> { ["plan"] = "enterprise" }, Operation.Silent());

        Assert.StartsWith("org_", created.Id);
        Assert.Equal("Acme", created.DisplayName);
        Assert.Equal("acme/eu", created.ExternalId);
        Assert.Equal("enterprise", created.Metadata["plan"]);
        Assert.NotNull(created.CreateTime);
        Assert.Null(created.Domains);
        Assert.Equal(created.Id, (await Client.FindOrganizationAsync(created.Id, Operation.Silent()))!.Id);
        Assert.Equal(created.Id, (await Client.FindOrganizationByExternalIdAsync("acme/eu", Operation.Silent()))!.Id);
        Assert.Equal(created.Id, (await Client.ResolveOrganizationAsync("acme/eu", Operation.Silent())).Id);
        Assert.Equal(created.Id, (await Client.ResolveOrganizationAsync(created.Id, Operation.Silent())).Id);
    }

    [Fact]
    public async Task An_organization_that_is_not_there_is_null_or_a_named_error()
    {
        Assert.Null(await Client.FindOrganizationAsync("org_404", Operation.Silent()));
        Assert.Null(await Client.FindOrganizationByExternalIdAsync("nobody", Operation.Silent()));

        var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => Client.ResolveOrganizationAsync("nobody", Operation.Silent()));

        Assert.Equal("ScalekitOrganizationNotFound", error.ErrorId);
        Assert.Contains("'nobody'", error.Message);
    }

    [Fact]
    public async Task Creating_an_external_id_that_another_runbook_created_first_returns_that_one()
    {
        var first = await CreateAsync("Acme", "acme");

        var second = await CreateAsync("Acme", "acme");

        Assert.Equal(first.Id, second.Id);
        var all = new List<ScalekitOrganization>();
        await Client.ListOrganizationsAsync(all.AddRange, Operation.Silent());
        Assert.Single(all);
    }

    [Fact]
    public async Task Listing_follows_page_tokens_to_the_last_page()
    {
        for (var i = 0; i < 150; i++)
        {
            await CreateAsync($"Customer {i}");
        }
        Fixture.Host.RequestLog.Clear();
        var pages = new List<int>();

        await Client.ListOrganizationsAsync(page => pages.Add(page.Count), Operation.Silent());

        Assert.Equal([100, 50], pages);
        Assert.Equal(2, Fixture.Requests(Services.Scalekit, "GET").Count(r => r.Path == "/api/v1/organizations"));
    }

    [Fact]
    public async Task Registering_skips_what_the_organization_has_and_reports_each_refusal_by_domain()
    {
        var acme = await CreateAsync("Acme", "acme");
        var globex = await CreateAsync("Globex", "globex");
        await Client.AddOrganizationDomainAsync(acme.Id, "acme.com", Operation.Silent());
        await Client.AddOrganizationDomainAsync(globex.Id, "globex.com", Operation.Silent());
        Fixture.Host.RequestLog.Clear();
        var progress = new List<int>();

        var refused = await Client.RegisterOrganizationDomainsAsync(acme, ["acme.com", "acme.co.uk", "globex.com", "gmail.com"], progress.Add, Operation.Silent());

        Assert.Equal(["globex.com", "gmail.com"], refused.Keys.Order());
        Assert.Equal("ScalekitDomainRefused", refused["globex.com"].ErrorId);
        Assert.Contains("'globex.com'", refused["globex.com"].Message);
        Assert.Contains("already exists", refused["globex.com"].Message);
        Assert.Equal(4, progress.Max());
        var owned = await Client.ListOrganizationDomainsAsync(acme.Id, Operation.Silent());
        Assert.Equal(["acme.co.uk", "acme.com"], owned.Select(d => d.Name).Order());
        Assert.DoesNotContain(Fixture.Requests(Services.Scalekit, "POST"), r => r.Body!.Contains("\"acme.com\""));
        Assert.All(Fixture.Requests(Services.Scalekit, "POST"), r => Assert.Contains("\"domain_type\":\"ORGANIZATION_DOMAIN\"", r.Body));
    }

    [Fact]
    public async Task Domains_are_read_page_by_page_until_an_empty_page()
    {
        var acme = await CreateAsync("Acme");
        var domains = Enumerable.Range(0, 130).Select(i => $"d{i}.acme.com").ToList();
        Assert.Empty(await Client.RegisterOrganizationDomainsAsync(acme, domains, _ => { }, Operation.Silent()));
        Fixture.Host.RequestLog.Clear();

        var read = await Client.ListOrganizationDomainsAsync(acme.Id, Operation.Silent());

        Assert.Equal(domains.Order(), read.Select(d => d.Name).Order());
        // The domain list's page_size is what the page holds, so a page of 30 after one of 100 is not known to be the last.
        var gets = Fixture.Requests(Services.Scalekit, "GET");
        Assert.Equal(3, gets.Count);
        Assert.All(gets, r => Assert.Contains("domain_type=ORGANIZATION_DOMAIN", r.Query));
    }

    [Fact]
    public async Task Every_organizations_domains_are_read_with_their_owner()
    {
        var acme = await CreateAsync("Acme");
        var globex = await CreateAsync("Globex");
        await CreateAsync("No domains yet");
        await Client.RegisterOrganizationDomainsAsync(acme, ["acme.com", "acme.co.uk"], _ => { }, Operation.Silent());
        await Client.RegisterOrganizationDomainsAsync(globex, ["globex.com"], _ => { }, Operation.Silent());
        var progress = new List<(int Done, int Total)>();

        var owners = await Client.ListAllOrganizationDomainsAsync((done, total) => { lock (progress) { progress.Add((done, total)); } }, Operation.Silent());

        Assert.Equal(["acme.co.uk", "acme.com", "globex.com"], owners.Keys.Order());
        Assert.Equal("Acme", owners["acme.com"].DisplayName);
        Assert.Equal("Globex", owners["globex.com"].DisplayName);
        Assert.Contains((3, 3), progress);
    }

    [Fact]
    public async Task Unregistering_deletes_only_the_domains_named()
    {
        var acme = await CreateAsync("Acme");
        await Client.RegisterOrganizationDomainsAsync(acme, ["acme.com", "acme.co.uk"], _ => { }, Operation.Silent());

        var deleted = await Client.UnregisterOrganizationDomainsAsync(acme.Id, ["acme.co.uk", "never.com"], Operation.Silent());

        Assert.Equal(["acme.co.uk"], deleted);
        Assert.Equal(["acme.com"], (await Client.ListOrganizationDomainsAsync(acme.Id, Operation.Silent())).Select(d => d.Name));
    }

    [Fact]
    public async Task A_portal_link_asks_for_each_feature_in_the_query()
    {
        var acme = await CreateAsync("Acme");

        var link = await Client.CreatePortalLinkAsync(acme.Id, ["sso", "dir_sync"], Operation.Silent());

        Assert.Equal(acme.Id, link.OrganizationId);
        Assert.StartsWith(Fixture.Host.ScalekitUrl + "/magicLink/", link.Location);
        Assert.True(link.ExpiresOn > DateTimeOffset.UtcNow);
        var put = Assert.Single(Fixture.Requests(Services.Scalekit, "PUT"));
        Assert.Equal($"/api/v1/organizations/{acme.Id}/portal_links", put.Path);
        Assert.Equal("?features=sso&features=dir_sync", put.Query);
    }

    [Fact]
    public async Task A_deleted_organization_is_gone()
    {
        var acme = await CreateAsync("Acme");

        await Client.DeleteOrganizationAsync(acme.Id, Operation.Silent());

        Assert.Null(await Client.FindOrganizationAsync(acme.Id, Operation.Silent()));
    }
}
