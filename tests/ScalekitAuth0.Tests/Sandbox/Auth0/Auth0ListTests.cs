using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

/// <summary>GET /api/v2/connections in its three shapes, its filters, and paging past one page.</summary>
public sealed class Auth0ListTests(Auth0SandboxFixture sandbox) : Auth0TestBase(sandbox)
{
    private async Task<List<string>> CreateConnectionsAsync(int count)
    {
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(i => CreateConnectionAsync($"conn-{i:D3}")));
        return created.Select(Id).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task WithoutPagingParametersTheAnswerIsABareArray()
    {
        var ids = await CreateConnectionsAsync(3);

        var answer = await GetAsync("/api/v2/connections");

        Assert.Equal(ids, answer.Array.Select(c => Id(c!.AsObject())));
    }

    [Fact]
    public async Task IncludeTotalsWrapsAnOffsetPage()
    {
        await CreateConnectionsAsync(5);

        var answer = await GetAsync("/api/v2/connections?include_totals=true&per_page=2&page=1");

        Assert.Equal(["total", "start", "limit", "connections"], answer.Object.Select(p => p.Key));
        Assert.Equal((5, 2, 2), (answer.Object["total"]!.GetValue<int>(), answer.Object["start"]!.GetValue<int>(), answer.Object["limit"]!.GetValue<int>()));
        Assert.Equal(2, answer.Object["connections"]!.AsArray().Count);
    }

    [Fact]
    public async Task TakeGivesCheckpointPagesAndWinsOverIncludeTotals()
    {
        await CreateConnectionsAsync(3);

        var first = await GetAsync("/api/v2/connections?include_totals=true&per_page=50&take=2");
        var last = await GetAsync($"/api/v2/connections?take=2&from={Uri.EscapeDataString(first.Object["next"]!.GetValue<string>())}");

        Assert.Equal(["connections", "next"], first.Object.Select(p => p.Key));
        Assert.Equal(2, first.Object["connections"]!.AsArray().Count);
        Assert.Equal(["connections"], last.Object.Select(p => p.Key));
        Assert.Single(last.Object["connections"]!.AsArray());
    }

    [Fact]
    public async Task CheckpointPagingWalksMoreThanAHundredConnections()
    {
        var ids = await CreateConnectionsAsync(120);

        var seen = new List<string>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = (await GetAsync("/api/v2/connections?take=50" + (next is null ? "" : "&from=" + Uri.EscapeDataString(next)))).Object;
            seen.AddRange(page["connections"]!.AsArray().Select(c => Id(c!.AsObject())));
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task OffsetPagingAlsoWalksThemAtAHundredAPage()
    {
        var ids = await CreateConnectionsAsync(120);

        var first = (await GetAsync("/api/v2/connections?per_page=100&page=0")).Array;
        var second = (await GetAsync("/api/v2/connections?per_page=100&page=1")).Array;

        Assert.Equal(ids, first.Concat(second).Select(c => Id(c!.AsObject())));
    }

    [Theory]
    [InlineData("per_page=101")]
    [InlineData("take=101")]
    [InlineData("take=0")]
    [InlineData("page=-1")]
    [InlineData("per_page=100&page=10")] // past the first 1000 records
    [InlineData("take=2&from=garbage")]
    [InlineData("fields=nonsense")]
    public async Task OutOfRangeQueriesAreRefused(string query)
    {
        AssertAuth0Error(await GetAsync("/api/v2/connections?" + query), 400, "invalid_query_string");
    }

    [Fact]
    public async Task NameFiltersExactlyAndStrategyRepeats()
    {
        await CreateConnectionAsync("scalekit");
        await CreateConnectionAsync("scalekit-2");
        await PostAsync("/api/v2/connections", new JsonObject
        {
            ["name"] = "okta",
            ["strategy"] = "okta",
            ["options"] = new JsonObject { ["client_id"] = "c", ["domain"] = "acme.okta.com" },
        });

        var byName = (await GetAsync("/api/v2/connections?name=scalekit")).Array;
        var oidcOnly = (await GetAsync("/api/v2/connections?strategy=oidc")).Array;
        var both = (await GetAsync("/api/v2/connections?strategy=oidc&strategy=okta")).Array;

        Assert.Equal("scalekit", byName.Single()!["name"]!.GetValue<string>());
        Assert.Equal(2, oidcOnly.Count);
        Assert.Equal(3, both.Count);
    }

    [Fact]
    public async Task FieldsSelectKeysButKeepIdAndIsDomainConnection()
    {
        await CreateConnectionAsync("scalekit");

        var included = (await GetAsync("/api/v2/connections?fields=name,strategy&include_fields=true")).Array.Single()!.AsObject();
        var excluded = (await GetAsync("/api/v2/connections?fields=options,metadata&include_fields=false")).Array.Single()!.AsObject();

        Assert.Equal(["id", "strategy", "name", "is_domain_connection", "authentication", "connected_accounts"], included.Select(p => p.Key));
        Assert.False(excluded.ContainsKey("options"));
        Assert.True(excluded.ContainsKey("display_name"));
    }
}
