using ScalekitAuth0.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

/// <summary>Enabled clients of a connection, the application list, and custom domains.</summary>
public sealed class Auth0ClientsAndDomainsTests(Auth0SandboxFixture sandbox) : Auth0TestBase(sandbox)
{
    private static JsonArray Changes(IEnumerable<string> clientIds, bool status) =>
        new(clientIds.Select(id => (JsonNode?)new JsonObject { ["client_id"] = id, ["status"] = status }).ToArray());

    private async Task<Dictionary<string, string>> ApplicationIdsAsync() =>
        (await GetAsync("/api/v2/clients")).Array.ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["client_id"]!.GetValue<string>());

    private static List<string> ClientIds(Answer page) =>
        page.Object["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task EnablingAndDisablingClientsIsADeltaMirroredInEnabledClients()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var apps = await ApplicationIdsAsync();

        var enabled = await PatchAsync($"/api/v2/connections/{id}/clients", Changes([apps["My App"], apps["Other App"]], true));
        var afterEnable = await GetAsync($"/api/v2/connections/{id}/clients");
        await PatchAsync($"/api/v2/connections/{id}/clients", Changes([apps["My App"]], false));
        var afterDisable = await GetAsync($"/api/v2/connections/{id}/clients");
        var connection = await GetAsync($"/api/v2/connections/{id}");

        Assert.Equal((204, ""), (enabled.Status, enabled.Text));
        Assert.Equal([apps["My App"], apps["Other App"]], ClientIds(afterEnable));
        Assert.Equal(["clients"], afterEnable.Object.Select(p => p.Key));
        Assert.Equal([apps["Other App"]], ClientIds(afterDisable));
        Assert.Equal($"[\"{apps["Other App"]}\"]", connection.Object["enabled_clients"]!.ToJsonString());
    }

    [Fact]
    public async Task APatchCarriesFiftyClientsAtMost()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var apps = await Task.WhenAll(Enumerable.Range(0, 51).Select(i => CreateApplicationAsync($"App {i}")));

        var tooMany = await PatchAsync($"/api/v2/connections/{id}/clients", Changes(apps, true));
        var fifty = await PatchAsync($"/api/v2/connections/{id}/clients", Changes(apps.Take(50), true));

        AssertAuth0Error(tooMany, 400, "invalid_body", "Payload validation error: 'Array is too long (51), maximum 50'");
        Assert.Equal(204, fifty.Status);
        Assert.Equal(50, ClientIds(await GetAsync($"/api/v2/connections/{id}/clients?take=1000")).Count);
    }

    [Fact]
    public async Task EnabledClientsPageWithTakeAndAnOpaqueCursor()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var apps = await Task.WhenAll(Enumerable.Range(0, 45).Select(i => CreateApplicationAsync($"App {i}")));
        await PatchAsync($"/api/v2/connections/{id}/clients", Changes(apps, true));

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await GetAsync($"/api/v2/connections/{id}/clients?take=20" + (next is null ? "" : "&from=" + Uri.EscapeDataString(next)));
            seen.AddRange(ClientIds(page));
            next = page.Object["next"]?.GetValue<string>();
        }
        while (next is not null);
        var defaultPage = await GetAsync($"/api/v2/connections/{id}/clients");

        Assert.Equal(apps, seen);
        Assert.Equal(45, ClientIds(defaultPage).Count); // default take is 50
        AssertAuth0Error(await GetAsync($"/api/v2/connections/{id}/clients?take=1001"), 400, "invalid_query_string");
        AssertAuth0Error(await GetAsync($"/api/v2/connections/{id}/clients?take=0"), 400, "invalid_query_string");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"client_id\":\"x\",\"status\":true}")]
    [InlineData("[{\"client_id\":\"x\"}]")]
    [InlineData("[{\"client_id\":\"x\",\"status\":\"yes\"}]")]
    [InlineData("[{\"client_id\":\"x\",\"status\":true,\"extra\":1}]")]
    public async Task MalformedEnabledClientPatchesAreRefused(string body)
    {
        var id = Id(await CreateConnectionAsync("scalekit"));

        AssertAuth0Error(await PatchAsync($"/api/v2/connections/{id}/clients", JsonNode.Parse(body)!), 400, "invalid_body", "Payload validation error: ");
    }

    [Fact]
    public async Task UnknownClientsAndConnectionsAre404AndChangeNothing()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var apps = await ApplicationIdsAsync();

        var unknownClient = await PatchAsync($"/api/v2/connections/{id}/clients", Changes([apps["My App"], "no-such-client"], true));
        var unknownConnection = await PatchAsync("/api/v2/connections/con_0000000000000000/clients", Changes([apps["My App"]], true));

        Assert.Equal(404, unknownClient.Status);
        Assert.Equal("The client does not exist", unknownClient.Object["message"]!.GetValue<string>());
        Assert.Empty(ClientIds(await GetAsync($"/api/v2/connections/{id}/clients")));
        Assert.Equal(Error(404, "Not Found", "The connection does not exist", "inexistent_connection"), unknownConnection.Text);
        AssertAuth0Error(await GetAsync("/api/v2/connections/con_0000000000000000/clients"), 404, "inexistent_connection");
    }

    [Fact]
    public async Task TheClientListHasTheSeedsAndControlMadeApplications()
    {
        await CreateApplicationAsync("Extra App");

        var all = (await GetAsync("/api/v2/clients")).Array;
        var totals = (await GetAsync("/api/v2/clients?include_totals=true&per_page=2&page=1")).Object;
        var fields = (await GetAsync("/api/v2/clients?fields=name&include_fields=true")).Array;

        Assert.Equal(["My App", "Other App", "ScalekitAuth0 Sandbox M2M", "Extra App"], all.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Contains(all, c => c!["client_id"]!.GetValue<string>() == Sandbox.Host.Auth0ClientId);
        Assert.All(all, c => Assert.False(c!.AsObject().ContainsKey("client_secret"))); // needs read:client_keys
        Assert.Equal(["total", "start", "limit", "clients"], totals.Select(p => p.Key));
        Assert.Equal(4, totals["total"]!.GetValue<int>());
        Assert.Equal(["ScalekitAuth0 Sandbox M2M", "Extra App"], totals["clients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(fields, c => Assert.Equal(["name", "client_id"], c!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task ClientsPageWithTakeAndFrom()
    {
        var first = (await GetAsync("/api/v2/clients?take=2")).Object;
        var rest = (await GetAsync("/api/v2/clients?take=2&from=" + Uri.EscapeDataString(first["next"]!.GetValue<string>()))).Object;

        Assert.Equal(["My App", "Other App"], first["clients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["ScalekitAuth0 Sandbox M2M"], rest["clients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.False(rest.ContainsKey("next"));
    }

    [Fact]
    public async Task AClientIsReadByIdAndAnUnknownOneIs404()
    {
        var apps = await ApplicationIdsAsync();

        var app = await GetAsync($"/api/v2/clients/{apps["My App"]}");
        var unknown = await GetAsync("/api/v2/clients/nope");

        Assert.Equal("My App", app.Object["name"]!.GetValue<string>());
        AssertAuth0Error(unknown, 404, "inexistent_client");
    }

    [Fact]
    public async Task DeletingAClientDisablesItEverywhere()
    {
        var admin = await Sandbox.TokenAsync(Auth0SandboxFixture.AllScopes);
        var id = Id(await CreateConnectionAsync("scalekit"));
        var created = await PostAsync("/api/v2/clients", new JsonObject { ["name"] = "Temporary" }, admin);
        var clientId = created.Object["client_id"]!.GetValue<string>();
        await PatchAsync($"/api/v2/connections/{id}/clients", Changes([clientId], true));

        var deleted = await DeleteAsync($"/api/v2/clients/{clientId}", admin);

        Assert.Equal(201, created.Status);
        Assert.True(created.Object.ContainsKey("client_secret"));
        Assert.Equal(204, deleted.Status);
        Assert.Empty(ClientIds(await GetAsync($"/api/v2/connections/{id}/clients")));
    }

    [Fact]
    public async Task AClientListsTheConnectionsEnabledForIt()
    {
        var apps = await ApplicationIdsAsync();
        var id = Id(await CreateConnectionAsync("scalekit"));
        await CreateConnectionAsync("unrelated");
        await PatchAsync($"/api/v2/connections/{id}/clients", Changes([apps["My App"]], true));

        var answer = (await GetAsync($"/api/v2/clients/{apps["My App"]}/connections")).Object;

        var only = answer["connections"]!.AsArray().Single()!.AsObject();
        Assert.Equal(id, Id(only));
        Assert.False(only.ContainsKey("enabled_clients"));
    }

    [Fact]
    public async Task CustomDomainsListAsABareArrayOrCheckpointPages()
    {
        foreach (var name in new[] { "c.acme.com", "a.acme.com", "b.acme.com" })
        {
            await AddCustomDomainAsync(new JsonObject { ["domain"] = name, ["status"] = "ready" });
        }

        var all = (await GetAsync("/api/v2/custom-domains")).Array;
        var first = (await GetAsync("/api/v2/custom-domains?take=2")).Object;
        var rest = (await GetAsync("/api/v2/custom-domains?take=2&from=" + Uri.EscapeDataString(first["next"]!.GetValue<string>()))).Object;
        var filtered = (await GetAsync("/api/v2/custom-domains?q=" + Uri.EscapeDataString("domain:b*"))).Array;

        Assert.Equal(["a.acme.com", "b.acme.com", "c.acme.com"], all.Select(d => d!["domain"]!.GetValue<string>()));
        Assert.Equal(["custom_domains", "next"], first.Select(p => p.Key));
        Assert.Equal(["c.acme.com"], rest["custom_domains"]!.AsArray().Select(d => d!["domain"]!.GetValue<string>()));
        Assert.False(rest.ContainsKey("next"));
        Assert.Equal("b.acme.com", filtered.Single()!["domain"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDefaultDomainIsTheCanonicalOneUntilACustomDomainIsMadeDefault()
    {
        var canonical = await GetAsync("/api/v2/custom-domains/default");
        var made = await AddCustomDomainAsync(new JsonObject { ["domain"] = "login.acme.com", ["status"] = "ready", ["is_default"] = true });
        var custom = await GetAsync("/api/v2/custom-domains/default");

        Assert.Equal(new JsonObject { ["domain"] = new Uri(Sandbox.Auth0Url).Authority }.ToJsonString(), canonical.Text);
        Assert.Equal(made["custom_domain_id"]!.GetValue<string>(), custom.Object["custom_domain_id"]!.GetValue<string>());
        Assert.True(custom.Object["is_default"]!.GetValue<bool>());
        Assert.Equal("ready", custom.Object["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CustomDomainsAreCreatedPendingReadByIdAndDeleted()
    {
        var admin = await Sandbox.TokenAsync(Auth0SandboxFixture.AllScopes);

        var created = await PostAsync("/api/v2/custom-domains", new JsonObject { ["domain"] = "login.acme.com", ["type"] = "auth0_managed_certs" }, admin);
        var id = created.Object["custom_domain_id"]!.GetValue<string>();
        var read = await GetAsync($"/api/v2/custom-domains/{id}");
        var deleted = await DeleteAsync($"/api/v2/custom-domains/{id}", admin);
        var gone = await GetAsync($"/api/v2/custom-domains/{id}");

        Assert.Equal(201, created.Status);
        Assert.Matches("^cd_[A-Za-z0-9]{16}$", id);
        Assert.Equal("pending_verification", created.Object["status"]!.GetValue<string>());
        Assert.Equal("login.acme.com", read.Object["domain"]!.GetValue<string>());
        Assert.Equal(204, deleted.Status);
        Assert.Equal(Error(404, "Not Found", $"The custom domain {id} does not exist", "inexistent_custom_domain"), gone.Text);
    }

    private async Task<JsonObject> AddCustomDomainAsync(JsonObject body)
    {
        var response = await Sandbox.Http.PostAsJsonAsync(Sandbox.Auth0Url + "/_sandbox/auth0/custom-domains", body);
        var answer = await Answer.FromAsync(response);
        Assert.True(answer.Status == 201, answer.Text);
        return answer.Object;
    }
}
