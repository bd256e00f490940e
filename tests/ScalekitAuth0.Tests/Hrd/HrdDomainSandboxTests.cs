using ScalekitAuth0.Hrd;
using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Hrd;

/// <summary>The Home Realm Discovery editor and routes against the Auth0 sandbox, over real HTTP.</summary>
public sealed class HrdDomainSandboxTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    [Fact]
    public async Task Two_editors_that_read_before_either_wrote_are_serialised_by_the_lock_and_both_win_over_http()
    {
        var a = Fixture.Auth0Context().Client;
        var b = Fixture.Auth0Context().Client;
        var connection = await CreateScalekitConnectionAsync(a, "scalekit", "existing.com");
        var aEditor = new HrdDomainEditor(a);
        var bEditor = new HrdDomainEditor(b);
        var aPlan = await aEditor.PlanAsync(connection.Id, HrdDomainChange.Adding(Enumerable.Range(0, 50).Select(i => $"a{i}.com")), Operation.Silent());
        var bPlan = await bEditor.PlanAsync(connection.Id, HrdDomainChange.Adding(Enumerable.Range(0, 50).Select(i => $"b{i}.com")), Operation.Silent());

        await Task.WhenAll(aEditor.ApplyAsync(aPlan, Operation.Silent()), bEditor.ApplyAsync(bPlan, Operation.Silent()));

        var final = await a.GetConnectionAsync(connection.Id, Operation.Silent());
        Assert.Equal(101, final.DomainAliases.Length);
        Assert.Equal("scalekit-secret", final.Option("client_secret"));
        // The second writer merged onto a read made after the first one's write: nobody had to write twice.
        Assert.Equal(2, Fixture.Requests(Services.Auth0, "PATCH").Count);
    }

    [Theory]
    [InlineData(FaultKind.Status, 429)]
    [InlineData(FaultKind.Status, 503)]
    [InlineData(FaultKind.Status, 500)]
    [InlineData(FaultKind.After, 0)]
    public async Task A_whole_options_write_that_fails_is_merged_again_onto_a_new_read_never_sent_again_as_it_was(FaultKind kind, int status)
    {
        var client = Fixture.Auth0Context().Client;
        var connection = await CreateScalekitConnectionAsync(client, "scalekit", "existing.com");
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "PATCH", Path = "/api/v2/connections/", Count = 1, Kind = kind, Status = status, RetryAfter = "1" });
        var editor = new HrdDomainEditor(client);
        var plan = await editor.PlanAsync(connection.Id, HrdDomainChange.Adding(["acme.com"]), Operation.Silent());

        // Another writer lands its change while this one waits to try again.
        var applying = editor.ApplyAsync(plan, Operation.Silent());
        while (Fixture.Requests(Services.Auth0, "PATCH").Count == 0)
        {
            await Task.Delay(10);
        }
        var other = await client.GetConnectionAsync(connection.Id, Operation.Silent());
        var otherBody = HrdDomainPlan.Merge(other, HrdDomainChange.Adding(["other.com"])).UpdateBody();
        await Fixture.ControlAsync(HttpMethod.Delete, "/_sandbox/faults");
        await client.UpdateConnectionAsync(connection.Id, otherBody, Operation.Silent());
        var final = await applying;

        Assert.Equal(["acme.com", "existing.com", "other.com"], final.DomainAliases.Order());
        var stored = await client.GetConnectionAsync(connection.Id, Operation.Silent());
        Assert.Equal(["acme.com", "existing.com", "other.com"], stored.DomainAliases.Order());
        var patches = Fixture.Requests(Services.Auth0, "PATCH");
        Assert.DoesNotContain(patches.Skip(1), p => p.Body == patches[0].Body);
    }

    [Fact]
    public async Task Routes_name_the_connection_that_already_routes_a_domain()
    {
        var client = Fixture.Auth0Context().Client;
        var target = await CreateScalekitConnectionAsync(client, "scalekit", "mine.com");
        var other = await CreateScalekitConnectionAsync(client, "other-sso", "acme.com");

        var routes = await HrdDomainRoutes.ReadAsync(client, Operation.Silent());

        var (routable, refusal) = routes.Split(new[] { "ACME.com", "mine.com", "new.com" }, target);
        Assert.Equal(new[] { "mine.com", "new.com" }, routable);
        Assert.Equal("HrdDomainRoutedElsewhere", refusal!.ErrorId);
        Assert.Contains("'other-sso'", refusal.Message);
        Assert.Contains("'ACME.com'", refusal.Message);
        Assert.Contains(other.Id, refusal.Message);
        Assert.Null(routes.Split(new[] { "acme.com" }, other).Refusal);
        Assert.Equal(target.Id, (await routes.RequireAsync(client, "scalekit", Operation.Silent())).Id);
        Assert.Equal("ScalekitConnectionNotFound",
            (await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => routes.RequireAsync(client, "absent", Operation.Silent()))).ErrorId);
    }
}
