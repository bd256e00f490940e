using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Auth0;

/// <summary>
/// The Auth0 client's application resolution and enabled-clients writes, against the in-process
/// sandbox: what it sends is read from the sandbox's request log, what it leaves from the API.
/// </summary>
public sealed class Auth0ApplicationsTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    private Auth0Client _client = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _client = fixture.Auth0Context().Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Resolves_names_and_client_ids_to_applications()
    {
        var otherId = (await Resolve("Other App")).ClientId;

        var resolution = await ApplicationResolution.ReadAsync(_client, ["My App", otherId, "  my app "], Operation.Silent());

        Assert.Empty(resolution.Failures);
        var applications = resolution.For(["My App", otherId, "  my app "]);
        Assert.Equal(["My App", "Other App"], applications.Select(a => a.Name));
        Assert.Equal(otherId, applications[1].ClientId);
    }

    [Fact]
    public async Task An_unknown_name_fails_naming_it_and_only_it()
    {
        var resolution = await ApplicationResolution.ReadAsync(_client, ["My App", "No Such App", "\t"], Operation.Silent());

        Assert.Equal(["No Such App", "\t"], resolution.Failures.Select(f => f.Input));
        var unknown = resolution.Failures[0].Error;
        Assert.Equal("Auth0ApplicationNotFound", unknown.ErrorId);
        Assert.Equal(ApiErrorKind.NotFound, unknown.Kind);
        Assert.Contains("'No Such App'", unknown.Message);
        Assert.Equal("InvalidApplication", resolution.Failures[1].Error.ErrorId);
        Assert.Contains("\\u0009", resolution.Failures[1].Error.Message);
    }

    [Fact]
    public async Task A_name_two_applications_share_fails_listing_both_ids_and_asks_for_the_id()
    {
        var first = (await Resolve("My App")).ClientId;
        var second = await AddApplication("My App");

        var resolution = await ApplicationResolution.ReadAsync(_client, ["My App", second], Operation.Silent());

        var failure = Assert.Single(resolution.Failures);
        Assert.Equal("My App", failure.Input);
        Assert.Equal("Auth0ApplicationAmbiguous", failure.Error.ErrorId);
        Assert.Contains(first, failure.Error.Message);
        Assert.Contains(second, failure.Error.Message);
        Assert.Contains("client id", failure.Error.RecommendedAction);
    }

    [Fact]
    public async Task Lists_applications_page_by_page_asking_only_for_what_it_uses()
    {
        await AddApplications(150);
        fixture.Host.RequestLog.Clear();

        var resolution = await ApplicationResolution.ReadAsync(_client, ["Bulk App 150"], Operation.Silent());

        Assert.Empty(resolution.Failures);
        var listings = Requests("GET", "/api/v2/clients");
        Assert.True(listings.Count >= 2, $"{listings.Count} listing request(s) for 150+ applications");
        Assert.All(listings, r => Assert.Contains("fields=client_id,name,callbacks,app_type&include_fields=true", Uri.UnescapeDataString(r.Query)));
        Assert.Contains("from=", listings[1].Query);
    }

    [Fact]
    public async Task Enabling_120_applications_sends_three_patches_of_at_most_50_and_enables_all()
    {
        var ids = await AddApplications(120);
        var connection = await CreateConnection();
        var applications = (await ApplicationResolution.ReadAsync(_client, ids, Operation.Silent())).For(ids);
        fixture.Host.RequestLog.Clear();

        var change = await _client.PlanEnabledClientsAsync(connection, applications, enable: true, Operation.Silent());
        await _client.ApplyEnabledClientsAsync(change, Operation.Silent());

        var patches = Requests("PATCH", $"/api/v2/connections/{connection}/clients");
        Assert.Equal([50, 50, 20], patches.Select(p => JArray.Parse(p.Body!).Count));
        Assert.All(patches, p => Assert.Equal(204, p.Status));
        Assert.All(patches.SelectMany(p => JArray.Parse(p.Body!)), item =>
            Assert.Equal(new JObject { ["client_id"] = item["client_id"], ["status"] = true }, item, JToken.EqualityComparer));
        Assert.Equal(ids.Order(), (await _client.GetEnabledClientIdsAsync(connection, Operation.Silent())).Order());
        Assert.Equal(ids.Order(), change.EnabledAfter.Order());
    }

    [Fact]
    public async Task Sends_nothing_when_the_connection_is_already_enabled_for_them()
    {
        var connection = await CreateConnection();
        var applications = (await ApplicationResolution.ReadAsync(_client, ["My App", "Other App"], Operation.Silent())).For(["My App", "Other App"]);
        await _client.ApplyEnabledClientsAsync(await _client.PlanEnabledClientsAsync(connection, applications, true, Operation.Silent()), Operation.Silent());
        fixture.Host.RequestLog.Clear();

        var again = await _client.PlanEnabledClientsAsync(connection, applications, true, Operation.Silent());
        await _client.ApplyEnabledClientsAsync(again, Operation.Silent());

        Assert.True(again.IsEmpty);
        Assert.Empty(Requests("PATCH", $"/api/v2/connections/{connection}/clients"));
        Assert.Equal(2, again.EnabledAfter.Length);
    }

    [Fact]
    public async Task Sends_only_the_statuses_that_differ_and_disabling_keeps_the_others()
    {
        var connection = await CreateConnection();
        var myApp = await Resolve("My App");
        var otherApp = await Resolve("Other App");
        await Enable(connection, true, myApp);
        fixture.Host.RequestLog.Clear();

        await Enable(connection, true, myApp, otherApp);
        var sent = Assert.Single(Requests("PATCH", $"/api/v2/connections/{connection}/clients"));
        Assert.Equal($"[{{\"client_id\":\"{otherApp.ClientId}\",\"status\":true}}]", sent.Body);

        await Enable(connection, false, myApp);
        Assert.Equal([otherApp.ClientId], await _client.GetEnabledClientIdsAsync(connection, Operation.Silent()));

        fixture.Host.RequestLog.Clear();
        var noop = await _client.PlanEnabledClientsAsync(connection, [myApp], enable: false, Operation.Silent());
        await _client.ApplyEnabledClientsAsync(noop, Operation.Silent());
        Assert.True(noop.IsEmpty);
        Assert.Empty(Requests("PATCH", $"/api/v2/connections/{connection}/clients"));
    }

    [Fact]
    public async Task Reads_enabled_clients_beyond_one_page()
    {
        // Auth0 answers at most 1000 enabled clients a page; more than that must take a second one.
        var ids = await AddApplications(1010);
        var connection = await CreateConnection();
        var applications = (await ApplicationResolution.ReadAsync(_client, ids, Operation.Silent())).For(ids);
        await Enable(connection, true, applications.ToArray());
        fixture.Host.RequestLog.Clear();

        var enabled = await _client.GetEnabledClientIdsAsync(connection, Operation.Silent());

        Assert.Equal(ids.Order(), enabled.Order());
        var pages = Requests("GET", $"/api/v2/connections/{connection}/clients");
        Assert.Equal(2, pages.Count);
        Assert.Contains("take=1000", pages[0].Query);
        Assert.Contains("from=", pages[1].Query);
    }

    [Fact]
    public async Task A_write_refused_for_an_unknown_connection_is_an_api_error()
    {
        var myApp = await Resolve("My App");

        var error = await Assert.ThrowsAsync<ApiException>(() => _client.PlanEnabledClientsAsync("con_doesnotexist0000", [myApp], true, Operation.Silent()));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Empty(Requests("PATCH", "/api/v2/connections/con_doesnotexist0000/clients"));
    }

    private async Task Enable(string connection, bool enable, params Auth0Application[] applications) =>
        await _client.ApplyEnabledClientsAsync(await _client.PlanEnabledClientsAsync(connection, applications, enable, Operation.Silent()), Operation.Silent());

    private async Task<Auth0Application> Resolve(string name)
    {
        var resolution = await ApplicationResolution.ReadAsync(_client, [name], Operation.Silent());
        Assert.Empty(resolution.Failures);
        return resolution.For([name])[0];
    }

    private List<LoggedRequest> Requests(string method, string path) =>
        fixture.Requests(Services.Auth0, method).Where(r => r.Path == path).ToList();

    private async Task<string> AddApplication(string name)
    {
        using var answer = await fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/applications", new { name });
        return (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("client_id").GetString()!;
    }

    private async Task<string[]> AddApplications(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await AddApplication($"Bulk App {i + 1}");
        }
        return ids;
    }

    /// <summary>The create body the module sends for Scalekit, as the emulator's own tests use it.</summary>
    private async Task<string> CreateConnection() =>
        (await _client.CreateConnectionAsync(JObject.Parse(Sandbox.Auth0.Auth0TestBase.OidcConnection("scalekit").ToJsonString()), Operation.Silent())).Id;
}
