using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

/// <summary>
/// Listings against a server that answers fewer items a page than it is asked for (the sandbox's
/// page-size cap): every item is still read, because paging goes on by what the server answers.
/// </summary>
public sealed class PagingTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    private Task CapPageSizeAsync(string service, int max) =>
        Fixture.ControlAsync(HttpMethod.Put, "/_sandbox/page-size", new { service, max });

    [Fact]
    public async Task Scalekit_domains_capped_at_50_a_page_are_all_read()
    {
        var client = Fixture.ScalekitContext().Client;
        var acme = await client.CreateOrganizationAsync("Acme", null, null, Operation.Silent());
        var domains = Enumerable.Range(0, 60).Select(i => $"d{i}.acme.com").ToList();
        Assert.Empty(await client.RegisterOrganizationDomainsAsync(acme, domains, _ => { }, Operation.Silent()));
        await CapPageSizeAsync(Services.Scalekit, 50);
        Fixture.Host.RequestLog.Clear();

        var read = await client.ListOrganizationDomainsAsync(acme.Id, Operation.Silent());

        Assert.Equal(domains.Order(), read.Select(d => d.Name).Order());
        // Asked for 100 each time; the first page held 50, which is not the end.
        var gets = Fixture.Requests(Services.Scalekit, "GET");
        Assert.All(gets, r => Assert.Contains("page_size=100", r.Query));
        Assert.Equal(["page_number=0", "page_number=1", "page_number=2"], gets.Select(r => r.Query.Split('&').Single(p => p.StartsWith("page_number="))));
    }

    [Fact]
    public async Task Scalekit_organizations_capped_at_25_a_page_are_all_read()
    {
        var client = Fixture.ScalekitContext().Client;
        for (var i = 0; i < 60; i++)
        {
            await client.CreateOrganizationAsync($"Customer {i}", null, null, Operation.Silent());
        }
        await CapPageSizeAsync(Services.Scalekit, 25);
        Fixture.Host.RequestLog.Clear();
        var pages = new List<int>();
        var names = new List<string>();

        await client.ListOrganizationsAsync(page => { pages.Add(page.Count); names.AddRange(page.Select(o => o.DisplayName)); }, Operation.Silent());

        Assert.Equal([25, 25, 10], pages);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"Customer {i}").Order(), names.Order());
    }

    [Fact]
    public async Task Auth0_checkpoint_pages_capped_at_10_are_all_read()
    {
        var names = Enumerable.Range(0, 25).Select(i => $"oidc-{i:D2}").ToList();
        foreach (var name in names)
        {
            await Fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/connections", new { name, strategy = "oidc", options = new { client_id = "x" } });
        }
        await CapPageSizeAsync(Services.Auth0, 10);
        Fixture.Host.RequestLog.Clear();
        var pages = new List<int>();
        var listed = new List<string>();

        await Fixture.Auth0Context().Client.ListConnectionsAsync([], page => { pages.Add(page.Count); listed.AddRange(page.Select(c => c.Name)); }, Operation.Silent());

        Assert.Equal([10, 10, 5], pages);
        Assert.Equal(names, listed.Order());
        Assert.All(Fixture.Requests(Services.Auth0, "GET"), r => Assert.Contains("take=100", r.Query));
    }
}
