using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>Organizations: create, lookups by id and external id, paging, PATCH, delete, settings and portal links.</summary>
public sealed class ScalekitOrganizationTests(ScalekitSandboxFixture sandbox) : ScalekitTestBase(sandbox)
{
    [Fact]
    public async Task Create_answers_200_with_the_organization_as_captured()
    {
        var answer = await PostAsync("/api/v1/organizations", """{"display_name":"Looney Corp","external_id":"my_unique_id","metadata":{"tier":"gold"}}""");

        Assert.Equal(200, answer.Status);
        var organization = answer.Json["organization"]!;
        Assert.Matches("^org_[0-9]{17}$", organization["id"]!.GetValue<string>());
        Assert.Equal("Looney Corp", organization["display_name"]!.GetValue<string>());
        Assert.Equal("my_unique_id", organization["external_id"]!.GetValue<string>());
        Assert.Equal("US", organization["region_code"]!.GetValue<string>());
        Assert.Equal("gold", organization["metadata"]!["tier"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", organization["create_time"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", organization["update_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organization_without_external_id_has_no_external_id_key()
    {
        var id = await CreateOrganizationAsync("Plain");

        var organization = (await GetAsync($"/api/v1/organizations/{id}")).Json["organization"]!.AsObject();

        Assert.False(organization.ContainsKey("external_id"));
        Assert.Equal("{}", organization["metadata"]!.ToJsonString());
    }

    public static TheoryData<string, string> RefusedCreates => new()
    {
        { "no display_name", """{"external_id":"x"}""" },
        { "empty display_name", """{"display_name":""}""" },
        { "display_name over 200", $$"""{"display_name":"{{new string('a', 201)}}"}""" },
        { "external_id over 255", $$"""{"display_name":"A","external_id":"{{new string('e', 256)}}"}""" },
        { "metadata key under 3", """{"display_name":"A","metadata":{"ab":"v"}}""" },
        { "bad slug", """{"display_name":"A","slug":"Not A Slug"}""" },
        { "http logo", """{"display_name":"A","logo_url":"http://cdn.example.com/logo.png"}""" },
    };

    [Theory]
    [MemberData(nameof(RefusedCreates))]
    public async Task Invalid_organizations_are_refused_and_not_created(string rule, string body)
    {
        AssertError(await PostAsync("/api/v1/organizations", body), HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT");
        Assert.True(Sandbox.Host.Scalekit.State.OrganizationList().Count == 0, rule);
    }

    [Fact]
    public async Task Unknown_fields_are_refused_by_the_gateway()
    {
        AssertError(await PostAsync("/api/v1/organizations", """{"display_name":"A","name":"B"}"""), HttpStatusCode.BadRequest, 3, errorCode: null, "name");
    }

    [Fact]
    public async Task An_external_id_is_unique_in_the_environment()
    {
        await CreateOrganizationAsync("First", "tenant-1");

        AssertError(await PostAsync("/api/v1/organizations", """{"display_name":"Second","external_id":"tenant-1"}"""),
            HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "tenant-1");
        var second = await CreateOrganizationAsync("Second", "tenant-2");
        AssertError(await PatchAsync($"/api/v1/organizations/{second}", """{"external_id":"tenant-1"}"""),
            HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "tenant-1");
    }

    [Fact]
    public async Task Get_by_id_includes_the_settings()
    {
        var id = await CreateOrganizationAsync("Acme");

        var organization = (await GetAsync($"/api/v1/organizations/{id}")).Json["organization"]!;

        Assert.Equal(id, organization["id"]!.GetValue<string>());
        Assert.NotEmpty(organization["settings"]!["features"]!.AsArray());
    }

    [Fact]
    public async Task Get_by_external_id_finds_the_organization()
    {
        var id = await CreateOrganizationAsync("Acme", "tenant/42 x");

        var answer = await GetAsync("/api/v1/organizations:external/" + Uri.EscapeDataString("tenant/42 x"));

        Assert.Equal(200, answer.Status);
        Assert.Equal(id, answer.Json["organization"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_external_id_is_a_404_with_Scalekit_NOT_FOUND_body()
    {
        var answer = await GetAsync("/api/v1/organizations:external/nobody");

        Assert.Equal(404, answer.Status);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"code":5,"message":"organization not found","details":[{"@type":"type.googleapis.com/scalekit.v1.errdetails.ErrorInfo","error_code":"NOT_FOUND"}]}
                """),
            answer.Body), answer.ToString());
        AssertError(await GetAsync("/api/v1/organizations/org_1"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
    }

    [Fact]
    public async Task Giving_both_id_and_external_id_is_the_captured_oneof_400()
    {
        var id = await CreateOrganizationAsync("Acme", "ext");

        AssertError(await GetAsync($"/api/v1/organizations/{id}?external_id=ext"), HttpStatusCode.BadRequest, 3, errorCode: null,
            "field already set for oneof \"identities\"");
        AssertError(await GetAsync($"/api/v1/organizations:external/ext?id={id}"), HttpStatusCode.BadRequest, 3, errorCode: null,
            "field already set for oneof \"identities\"");
    }

    [Fact]
    public async Task The_list_pages_by_page_token_across_more_than_a_hundred_organizations()
    {
        var created = new List<string>();
        for (var i = 0; i < 105; i++)
        {
            created.Add(await CreateOrganizationAsync($"Org {i}"));
        }

        var first = (await GetAsync("/api/v1/organizations?page_size=100")).Json;
        var token = first["next_page_token"]!.GetValue<string>();
        var second = (await GetAsync($"/api/v1/organizations?page_size=100&page_token={token}")).Json;

        Assert.Equal(100, first["organizations"]!.AsArray().Count);
        Assert.Equal(105, first["total_size"]!.GetValue<int>());
        Assert.NotEqual("", token);
        Assert.Equal(5, second["organizations"]!.AsArray().Count);
        Assert.Equal("", second["next_page_token"]!.GetValue<string>());
        Assert.Equal(105, second["total_size"]!.GetValue<int>());
        var listed = first["organizations"]!.AsArray().Concat(second["organizations"]!.AsArray()).Select(o => o!["id"]!.GetValue<string>());
        Assert.Equal(created.Order(), listed.Order());
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("?page_size=2", 10)]
    [InlineData("?page_size=50", 50)]
    [InlineData("?page_size=900", 100)]
    public async Task Page_size_is_held_to_the_documented_10_to_100(string query, int expected)
    {
        for (var i = 0; i < 120; i++)
        {
            await CreateOrganizationAsync($"Org {i}");
        }

        var page = (await GetAsync("/api/v1/organizations" + query)).Json;

        Assert.Equal(expected, page["organizations"]!.AsArray().Count);
        Assert.NotEqual("", page["next_page_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_token_that_is_not_one_is_refused()
    {
        AssertError(await GetAsync("/api/v1/organizations?page_token=abc"), HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task The_list_filters_by_external_id()
    {
        await CreateOrganizationAsync("A", "a");
        var b = await CreateOrganizationAsync("B", "b");

        AssertOnlyItem((await GetAsync("/api/v1/organizations?external_id=b")).Json, "organizations", b);
    }

    [Fact]
    public async Task PATCH_changes_only_the_fields_sent()
    {
        var id = (await PostAsync("/api/v1/organizations", """{"display_name":"BugJam","external_id":"link44","metadata":{"plan":"pro"}}"""))
            .Json["organization"]!["id"]!.GetValue<string>();

        var answer = await PatchAsync($"/api/v1/organizations/{id}", """{"external_id":"link45"}""");

        Assert.Equal(200, answer.Status);
        var organization = answer.Json["organization"]!;
        Assert.Equal("BugJam", organization["display_name"]!.GetValue<string>());
        Assert.Equal("link45", organization["external_id"]!.GetValue<string>());
        Assert.Equal("pro", organization["metadata"]!["plan"]!.GetValue<string>());
        Assert.NotNull(organization["settings"]);
        Assert.Equal("link45", Sandbox.Host.Scalekit.State.OrganizationList().Single().ExternalId);
    }

    [Fact]
    public async Task PATCH_with_an_empty_external_id_clears_it()
    {
        var id = await CreateOrganizationAsync("Acme", "ext");

        var organization = (await PatchAsync($"/api/v1/organizations/{id}", """{"external_id":""}""")).Json["organization"]!.AsObject();

        Assert.False(organization.ContainsKey("external_id"));
        Assert.Equal(404, (await GetAsync("/api/v1/organizations:external/ext")).Status);
    }

    [Fact]
    public async Task Delete_answers_an_empty_object_and_takes_the_domains_with_it()
    {
        var id = await CreateOrganizationAsync("Acme");
        await PostAsync($"/api/v1/organizations/{id}/domains", """{"domain":"acme.com","domain_type":"ORGANIZATION_DOMAIN"}""");

        var answer = await DeleteAsync($"/api/v1/organizations/{id}");

        Assert.Equal(200, answer.Status);
        Assert.Equal("{}", answer.Json.ToJsonString());
        AssertError(await GetAsync($"/api/v1/organizations/{id}"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
        Assert.Empty(Sandbox.Host.Scalekit.State.DomainList());
        var other = await CreateOrganizationAsync("Other");
        Assert.Equal(200, (await PostAsync($"/api/v1/organizations/{other}/domains", """{"domain":"acme.com"}""")).Status);
    }

    [Fact]
    public async Task Settings_toggle_features_by_name()
    {
        var id = await CreateOrganizationAsync("Acme");

        var answer = await PatchAsync($"/api/v1/organizations/{id}/settings",
            """{"features":[{"name":"dir_sync","enabled":true},{"name":"domain_verification","enabled":true}]}""");

        Assert.Equal(200, answer.Status);
        var features = Sandbox.Host.Scalekit.State.OrganizationList().Single().Features;
        Assert.True(features["dir_sync"]);
        Assert.True(features["domain_verification"]);
        Assert.True(features["sso"]);
    }

    [Fact]
    public async Task A_portal_link_is_a_one_minute_magic_link_under_the_environment()
    {
        var id = await CreateOrganizationAsync("Acme");

        var answer = await PutAsync($"/api/v1/organizations/{id}/portal_links?features=sso&features=dir_sync");

        Assert.Equal(200, answer.Status);
        var link = answer.Json["link"]!;
        var linkId = link["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(linkId, out _));
        Assert.Equal($"{Sandbox.Host.ScalekitUrl}/magicLink/{linkId}_pc", link["location"]!.GetValue<string>());
        var expires = DateTimeOffset.Parse(link["expire_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task A_portal_link_with_an_unknown_feature_or_organization_is_refused()
    {
        var id = await CreateOrganizationAsync("Acme");

        AssertError(await PutAsync($"/api/v1/organizations/{id}/portal_links?features=billing"), HttpStatusCode.BadRequest, 3, errorCode: null, "billing");
        AssertError(await PutAsync("/api/v1/organizations/org_1/portal_links?features=sso"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
    }

    [Fact]
    public async Task Concurrent_creates_all_land_with_distinct_ids()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => CreateOrganizationAsync($"Org {i}", $"ext-{i}")));

        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, (await GetAsync("/api/v1/organizations")).Json["total_size"]!.GetValue<int>());
    }
}
