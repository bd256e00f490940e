using ScalekitAuth0.Tests.Support;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Tests.Fixtures;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>
/// What a login meets at the Scalekit emulator: organizations' SSO connections as the Postman capture
/// lists them, and <c>/oauth/authorize</c> answering the captured requests as Scalekit did (a page
/// that posts the SAML request to the identity provider), with its errors sent back to the redirect URI.
/// </summary>
public sealed class ScalekitLoginTests(ScalekitSandboxFixture sandbox) : ScalekitTestBase(sandbox)
{
    private const string Callback = "https://demo.scalekit.com/auth/callback";

    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private async Task<string> OrganizationAsync(string externalId, string? domain = null)
    {
        var id = (await PostAsync("/api/v1/organizations", new JsonObject { ["display_name"] = externalId, ["external_id"] = externalId })).Json["organization"]!["id"]!.GetValue<string>();
        if (domain is not null)
        {
            await PostAsync($"/api/v1/organizations/{id}/domains", new JsonObject { ["domain"] = domain, ["domain_type"] = "ORGANIZATION_DOMAIN" });
        }
        return id;
    }

    private async Task<JsonObject> SsoConnectionAsync(object request)
    {
        var response = await Sandbox.Http.PostAsync($"{Sandbox.Host.ScalekitUrl}/_sandbox/scalekit/sso-connections",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(request), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await Answer.FromAsync(response)).Object;
    }

    private async Task AllowAsync(string redirectUri) =>
        Assert.Equal(200, (await PatchAsync($"/api/v1/clients/{ClientId}", new JsonObject { ["post_login_uris"] = new JsonArray(redirectUri) })).Status);

    private Task<HttpResponseMessage> AuthorizeAsync(string query) =>
        _browser.GetAsync($"{Sandbox.Host.ScalekitUrl}/oauth/authorize?client_id={ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&response_type=code&scope=openid&state=s1&{query}");

    [Fact]
    public async Task Connections_are_listed_with_the_captured_keys_in_the_captured_order_active_ones_by_default()
    {
        var acme = await OrganizationAsync("acme");
        var active = await SsoConnectionAsync(new { organizationId = acme, type = "SAML" });
        var draft = await SsoConnectionAsync(new { organizationId = acme, status = "IN_PROGRESS", enabled = false });
        var capture = PostmanCollection.All.First(e => e.Request.Method == "GET" && e.Request.Path == "/api/v1/connections");
        var captured = (JsonObject)PostmanCollection.ParseBody(capture.Response.Body)!["connections"]![0]!;

        var listed = (await GetAsync($"/api/v1/connections?organization_id={acme}")).Json["connections"]!.AsArray();
        var all = (await GetAsync($"/api/v1/connections?organization_id={acme}&include=all")).Json["connections"]!.AsArray();

        Assert.Equal(captured.Select(p => p.Key), ((JsonObject)listed.Single()!).Select(p => p.Key));
        Assert.All(captured, p => Assert.Equal(p.Value!.GetValueKind(), listed[0]![p.Key]!.GetValueKind()));
        Assert.Equal(active["id"]!.GetValue<string>(), listed[0]!["id"]!.GetValue<string>());
        Assert.Equal([active["id"]!.GetValue<string>(), draft["id"]!.GetValue<string>()], all.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Empty((await GetAsync($"/api/v1/connections?organization_id={await OrganizationAsync("globex")}")).Json["connections"]!.AsArray());
    }

    [Theory]
    [InlineData("organization_id")]
    [InlineData("connection_id")]
    public async Task The_captured_authorize_requests_get_a_page_that_posts_the_saml_request_to_the_identity_provider(string selector)
    {
        var capture = PostmanCollection.All.Single(e => e.Request.Path == "/oauth/authorize" && e.Request.Query!.Contains(selector + "=", StringComparison.Ordinal));
        var organization = await OrganizationAsync("acme");
        var connection = await SsoConnectionAsync(new { organizationId = organization, type = "SAML" });
        await AllowAsync(Callback);
        var url = PostmanCollection.RawUrl(capture)
            .Replace("{{env_url}}", Sandbox.Host.ScalekitUrl).Replace("{{client_id}}", ClientId)
            .Replace("{{organization_id}}", organization).Replace("{{connection_id}}", connection["id"]!.GetValue<string>());

        var answer = await _browser.GetAsync(url);
        var page = await answer.Content.ReadAsStringAsync();

        Assert.Equal(capture.Response.Status, (int)answer.StatusCode);
        Assert.Equal(capture.Response.ContentType, answer.Content.Headers.ContentType!.MediaType);
        foreach (var html in new[] { capture.Response.Body, page })
        {
            Assert.Matches("<form method=\"post\" action=\"https://[^\"]+\" id=\"SAMLRequestForm\">", html);
            Assert.Matches("name=\"SAMLRequest\" value=\"[A-Za-z0-9+/=]+\"", html);
            Assert.Matches("name=\"RelayState\" value=\"req_\\d+\"", html);
        }
        Assert.Contains("action=\"https://acme.okta.example/app/sso/saml\"", page);
    }

    [Fact]
    public async Task Login_hint_routes_to_the_organization_that_owns_its_domain_through_one_hop_on_scalekits_host()
    {
        var acme = await OrganizationAsync("acme", "acme.com");
        await SsoConnectionAsync(new { organizationId = acme });
        await AllowAsync(Callback);

        var first = await AuthorizeAsync("login_hint=alice%40ACME.com");
        var second = await _browser.GetAsync(first.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(Sandbox.Host.ScalekitUrl + "/sso/v1/oidc/conn_", first.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("acme.okta.example", second.Headers.Location!.Host);
        Assert.Equal("alice@ACME.com", QueryHelpers.ParseQuery(second.Headers.Location.Query)["login_hint"]);
    }

    [Theory]
    [InlineData("login_hint=bob%40globex.com", "domain_not_found")]
    [InlineData("login_hint=alice%40acme.com", "no_active_connections")]
    [InlineData("scope=openid", "invalid_connection_selector")]
    public async Task Routing_errors_go_back_to_the_redirect_uri_with_the_state(string query, string error)
    {
        var acme = await OrganizationAsync("acme", "acme.com");
        await SsoConnectionAsync(new { organizationId = acme, enabled = false });
        await AllowAsync(Callback);

        var answer = await AuthorizeAsync(query);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(Callback + "?", answer.Headers.Location!.AbsoluteUri);
        var back = QueryHelpers.ParseQuery(answer.Headers.Location.Query);
        Assert.Equal(error, back["error"]);
        Assert.Equal("s1", back["state"]);
        Assert.False(string.IsNullOrEmpty(back["error_description"]));
    }

    [Fact]
    public async Task A_redirect_uri_not_allowed_exactly_gets_an_error_page_and_no_redirect()
    {
        var acme = await OrganizationAsync("acme", "acme.com");
        await SsoConnectionAsync(new { organizationId = acme });
        await AllowAsync(Callback + "/");

        var answer = await AuthorizeAsync("login_hint=alice%40acme.com");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("invalid_redirect_uri", await answer.Content.ReadAsStringAsync());
    }
}
