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
    public async Task Two_editors_that_read_before_either_wrote_both_win_over_http()
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
        Assert.True(Fixture.Requests(Services.Auth0, "PATCH").Count >= 3, "the writer whose change was dropped wrote again");
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
