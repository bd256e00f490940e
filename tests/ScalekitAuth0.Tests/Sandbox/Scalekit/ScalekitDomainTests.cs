using System.Net;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>Organization domains: one owner per domain in the environment, page_number paging, lookups and deletes.</summary>
public sealed class ScalekitDomainTests(ScalekitSandboxFixture sandbox) : ScalekitTestBase(sandbox)
{
    [Fact]
    public async Task An_organization_domain_created_through_the_API_is_admin_verified_at_once()
    {
        var organization = await CreateOrganizationAsync("Acme");

        var answer = await PostAsync($"/api/v1/organizations/{organization}/domains", """{"domain":"Acme.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        Assert.Equal(200, answer.Status);
        var domain = answer.Json["domain"]!;
        Assert.Matches("^dom_[0-9]{17}$", domain["id"]!.GetValue<string>());
        Assert.Equal("acme.com", domain["domain"]!.GetValue<string>());
        Assert.Matches("^env_[0-9]{17}$", domain["environment_id"]!.GetValue<string>());
        Assert.Equal(organization, domain["organization_id"]!.GetValue<string>());
        Assert.Equal("ORGANIZATION_DOMAIN", domain["domain_type"]!.GetValue<string>());
        Assert.Equal("AUTO_VERIFIED", domain["verification_status"]!.GetValue<string>());
        Assert.Equal("ADMIN", domain["verification_method"]!.GetValue<string>());
        Assert.NotNull(domain["create_time"]);
        Assert.NotNull(domain["update_time"]);
    }

    [Fact]
    public async Task A_domain_another_organization_owns_is_refused()
    {
        var owner = await CreateOrganizationAsync("Owner");
        var other = await CreateOrganizationAsync("Other");
        await PostAsync($"/api/v1/organizations/{owner}/domains", """{"domain":"acme.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        var answer = await PostAsync($"/api/v1/organizations/{other}/domains", """{"domain":"ACME.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        AssertError(answer, HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "domain already exists");
        var domain = Assert.Single(Sandbox.Host.Scalekit.State.DomainList());
        Assert.Equal(owner, domain.OrganizationId);
    }

    [Fact]
    public async Task The_same_domain_twice_in_one_organization_is_refused()
    {
        var organization = await CreateOrganizationAsync("Acme");
        await PostAsync($"/api/v1/organizations/{organization}/domains", """{"domain":"acme.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        AssertError(await PostAsync($"/api/v1/organizations/{organization}/domains", """{"domain":"acme.com","domain_type":"ALLOWED_EMAIL_DOMAIN"}"""),
            HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "already exists");
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("localhost")]
    [InlineData("acme")]
    [InlineData("-acme.com")]
    [InlineData("https://acme.com")]
    [InlineData("")]
    [InlineData("gmail.com")]
    public async Task An_invalid_or_public_domain_is_refused(string name)
    {
        var organization = await CreateOrganizationAsync("Acme");

        var answer = await PostAsync($"/api/v1/organizations/{organization}/domains",
            new System.Text.Json.Nodes.JsonObject { ["domain"] = name, ["domain_type"] = "ORGANIZATION_DOMAIN" });

        AssertError(answer, HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT");
        Assert.Empty(Sandbox.Host.Scalekit.State.DomainList());
    }

    [Fact]
    public async Task An_unknown_domain_type_is_refused_by_the_gateway()
    {
        var organization = await CreateOrganizationAsync("Acme");

        AssertError(await PostAsync($"/api/v1/organizations/{organization}/domains", """{"domain":"acme.com","domain_type":"SSO"}"""),
            HttpStatusCode.BadRequest, 3, errorCode: null, "SSO");
    }

    [Fact]
    public async Task Domains_page_by_0_based_page_number_with_30_by_default()
    {
        var organization = await CreateOrganizationAsync("Acme");
        var names = Enumerable.Range(0, 35).Select(i => $"d{i:00}.acme.com").ToList();
        foreach (var name in names)
        {
            await PostAsync($"/api/v1/organizations/{organization}/domains", $$"""{"domain":"{{name}}","domain_type":"ORGANIZATION_DOMAIN"}""");
        }

        var first = (await GetAsync($"/api/v1/organizations/{organization}/domains")).Json;
        var second = (await GetAsync($"/api/v1/organizations/{organization}/domains?page_number=1")).Json;
        var small = (await GetAsync($"/api/v1/organizations/{organization}/domains?page_size=10&page_number=3")).Json;
        var beyond = (await GetAsync($"/api/v1/organizations/{organization}/domains?page_size=10&page_number=4")).Json;

        Assert.Equal(30, first["domains"]!.AsArray().Count);
        Assert.Equal(0, first["page_number"]!.GetValue<int>());
        Assert.Null(first["total_size"]);
        Assert.Null(first["next_page_token"]);
        Assert.Equal(1, second["page_number"]!.GetValue<int>());
        Assert.Equal(names.Skip(30), second["domains"]!.AsArray().Select(d => d!["domain"]!.GetValue<string>()));
        Assert.Equal(names.Skip(30), small["domains"]!.AsArray().Select(d => d!["domain"]!.GetValue<string>()));
        Assert.Empty(beyond["domains"]!.AsArray());
    }

    [Fact]
    public async Task Domains_filter_by_type_and_stay_within_their_organization()
    {
        var acme = await CreateOrganizationAsync("Acme");
        var other = await CreateOrganizationAsync("Other");
        await PostAsync($"/api/v1/organizations/{acme}/domains", """{"domain":"acme.com","domain_type":"ORGANIZATION_DOMAIN"}""");
        await PostAsync($"/api/v1/organizations/{acme}/domains", """{"domain":"acme.org","domain_type":"ALLOWED_EMAIL_DOMAIN"}""");
        await PostAsync($"/api/v1/organizations/{other}/domains", """{"domain":"other.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        var sso = (await GetAsync($"/api/v1/organizations/{acme}/domains?domain_type=ORGANIZATION_DOMAIN")).Json["domains"]!.AsArray();

        Assert.Equal("acme.com", Assert.Single(sso)!["domain"]!.GetValue<string>());
        Assert.Equal(2, (await GetAsync($"/api/v1/organizations/{acme}/domains")).Json["domains"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_domain_is_found_by_id_only_under_its_own_organization_and_deleted_with_an_empty_object()
    {
        var acme = await CreateOrganizationAsync("Acme");
        var other = await CreateOrganizationAsync("Other");
        var id = (await PostAsync($"/api/v1/organizations/{acme}/domains", """{"domain":"acme.com","domain_type":"ORGANIZATION_DOMAIN"}"""))
            .Json["domain"]!["id"]!.GetValue<string>();

        Assert.Equal("acme.com", (await GetAsync($"/api/v1/organizations/{acme}/domains/{id}")).Json["domain"]!["domain"]!.GetValue<string>());
        AssertError(await GetAsync($"/api/v1/organizations/{other}/domains/{id}"), HttpStatusCode.NotFound, 5, "NOT_FOUND");

        var deleted = await DeleteAsync($"/api/v1/organizations/{acme}/domains/{id}");

        Assert.Equal(200, deleted.Status);
        Assert.Equal("{}", deleted.Json.ToJsonString());
        AssertError(await GetAsync($"/api/v1/organizations/{acme}/domains/{id}"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
        Assert.Equal(200, (await PostAsync($"/api/v1/organizations/{other}/domains", """{"domain":"acme.com"}""")).Status);
    }

    [Fact]
    public async Task Domains_of_an_unknown_organization_are_NOT_FOUND()
    {
        AssertError(await GetAsync("/api/v1/organizations/org_1/domains"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
        AssertError(await PostAsync("/api/v1/organizations/org_1/domains", """{"domain":"acme.com"}"""), HttpStatusCode.NotFound, 5, "NOT_FOUND");
    }
}
