using ScalekitAuth0.Http;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

/// <summary>Registering organization domains when a create gets no clear answer: looked up, then sent once more, never twice for one that happened.</summary>
public sealed class ScalekitDomainFaultTests(ModuleSandboxFixture fixture) : IClassFixture<ModuleSandboxFixture>, IAsyncLifetime
{
    private ScalekitClient Client { get; } = fixture.ScalekitContext().Client;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyDictionary<string, ScalekitAuth0Exception>> RegisterUnderFaultAsync(FaultRule fault)
    {
        var acme = await Client.CreateOrganizationAsync("Acme", "acme", null, Operation.Silent());
        await fixture.AddFaultAsync(fault);
        var refused = await Client.RegisterOrganizationDomainsAsync(acme, ["acme.com"], _ => { }, Operation.Silent());
        Assert.Equal(["acme.com"], (await Client.ListOrganizationDomainsAsync(acme.Id, Operation.Silent())).Select(d => d.Name));
        return refused;
    }

    private List<LoggedRequest> DomainCreates() =>
        fixture.Requests(Services.Scalekit, "POST").Where(r => r.Path.EndsWith("/domains", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData(FaultKind.Status, 502)]
    [InlineData(FaultKind.Status, 500)]
    [InlineData(FaultKind.Drop, 0)]
    public async Task A_create_that_did_not_happen_is_sent_again_after_the_look_up(FaultKind kind, int status)
    {
        var refused = await RegisterUnderFaultAsync(new FaultRule { Service = Services.Scalekit, Method = "POST", Path = "/api/v1/organizations/", Count = 1, Kind = kind, Status = status });

        Assert.Empty(refused);
        Assert.Equal([false, true], DomainCreates().Select(r => r.Served));
    }

    [Fact]
    public async Task A_create_that_happened_unheard_is_not_sent_again()
    {
        var refused = await RegisterUnderFaultAsync(new FaultRule { Service = Services.Scalekit, Method = "POST", Path = "/api/v1/organizations/", Count = 1, Kind = FaultKind.After });

        Assert.Empty(refused);
        Assert.Single(DomainCreates());
    }

    [Fact]
    public async Task A_second_create_without_an_answer_fails_as_what_it_is_not_as_a_refusal()
    {
        var acme = await Client.CreateOrganizationAsync("Acme", "acme", null, Operation.Silent());
        await fixture.AddFaultAsync(new FaultRule { Service = Services.Scalekit, Method = "POST", Path = "/api/v1/organizations/", Count = 2, Kind = FaultKind.Status, Status = 503 });

        var error = await Assert.ThrowsAsync<ApiException>(() => Client.RegisterOrganizationDomainsAsync(acme, ["acme.com"], _ => { }, Operation.Silent()));

        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
        Assert.Equal(2, DomainCreates().Count);
    }
}
