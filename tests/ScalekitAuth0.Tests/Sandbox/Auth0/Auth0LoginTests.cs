using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Sandbox.Auth0;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

/// <summary>
/// What a login meets at the Auth0 emulator: the prompt settings behind their scopes, and
/// <c>/authorize</c>, which checks the application's callbacks exactly and the connection enabled for
/// it, then sends the browser to the connection's authorization endpoint with its upstream parameters.
/// </summary>
public sealed class Auth0LoginTests(Auth0SandboxFixture sandbox) : Auth0TestBase(sandbox)
{
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    [Fact]
    public async Task Prompts_start_as_a_new_tenants_and_change_only_the_keys_sent()
    {
        var read = await GetAsync("/api/v2/prompts");
        var changed = await PatchAsync("/api/v2/prompts", new JsonObject { ["identifier_first"] = true });

        Assert.Equal("""{"universal_login_experience":"new","identifier_first":false,"webauthn_platform_first_factor":false}""", read.Text);
        Assert.Equal("""{"universal_login_experience":"new","identifier_first":true,"webauthn_platform_first_factor":false}""", changed.Text);
        Assert.Equal(changed.Text, (await GetAsync("/api/v2/prompts")).Text);
    }

    [Fact]
    public async Task Prompts_need_their_scopes_and_refuse_unknown_keys_and_wrong_types_whole()
    {
        var withoutRead = await Sandbox.TokenAsync(Auth0Scopes.UpdatePrompts);
        var withoutUpdate = await Sandbox.TokenAsync(Auth0Scopes.ReadPrompts);

        AssertAuth0Error(await GetAsync("/api/v2/prompts", withoutRead), 403, "insufficient_scope", "Insufficient scope, expected any of: read:prompts");
        AssertAuth0Error(await PatchAsync("/api/v2/prompts", new JsonObject { ["identifier_first"] = true }, withoutUpdate), 403, "insufficient_scope");
        AssertAuth0Error(await PatchAsync("/api/v2/prompts", new JsonObject { ["identifier_first"] = true, ["hrd"] = true }), 400, "invalid_body");
        AssertAuth0Error(await PatchAsync("/api/v2/prompts", new JsonObject { ["identifier_first"] = "yes" }), 400, "invalid_body");
        AssertAuth0Error(await PatchAsync("/api/v2/prompts", new JsonObject { ["universal_login_experience"] = "modern" }), 400, "invalid_body");
        Assert.Contains("\"identifier_first\":false", (await GetAsync("/api/v2/prompts")).Text);
    }

    private async Task<(string Connection, string MyApp)> ConnectionForMyAppAsync()
    {
        var body = OidcConnection("scalekit");
        body["options"]!["upstream_params"] = new JsonObject { ["login_hint"] = new JsonObject { ["alias"] = "login_hint" }, ["prompt"] = new JsonObject { ["value"] = "login" } };
        var created = await PostAsync("/api/v2/connections", body);
        var myApp = (await GetAsync("/api/v2/clients?fields=client_id,name")).Array.First(c => c!["name"]!.GetValue<string>() == "My App")!["client_id"]!.GetValue<string>();
        Assert.Equal(204, (await PatchAsync($"/api/v2/connections/{Id(created.Object)}/clients", new JsonArray(new JsonObject { ["client_id"] = myApp, ["status"] = true }))).Status);
        return (Id(created.Object), myApp);
    }

    private Task<HttpResponseMessage> AuthorizeAsync(string clientId, string redirectUri, string connection = "scalekit") =>
        _browser.GetAsync($"{Sandbox.Auth0Url}/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}&connection={connection}&login_hint=alice%40acme.com&scope=openid&state=s1");

    [Fact]
    public async Task Authorize_sends_the_browser_to_the_connections_authorization_endpoint_with_its_upstream_parameters()
    {
        var (_, myApp) = await ConnectionForMyAppAsync();

        var answer = await AuthorizeAsync(myApp, "https://myapp.example.com/callback");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal("https://sso.example.com/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        var upstream = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("skc_1", upstream["client_id"]);
        Assert.Equal(Sandbox.Auth0Url + "/login/callback", upstream["redirect_uri"]);
        Assert.Equal("openid profile email", upstream["scope"]);
        Assert.Equal("code", upstream["response_type"]);
        Assert.Equal("alice@acme.com", upstream["login_hint"]);
        Assert.Equal("login", upstream["prompt"]);
        Assert.NotEqual("s1", upstream["state"].ToString());
        Assert.False(string.IsNullOrEmpty(upstream["nonce"]));
    }

    [Fact]
    public async Task Authorize_checks_the_callback_exactly_with_an_error_page_never_a_redirect()
    {
        var (_, myApp) = await ConnectionForMyAppAsync();

        foreach (var wrong in new[] { "https://myapp.example.com/callback/", "https://MYAPP.example.com/callback", "https://evil.example/callback" })
        {
            var answer = await AuthorizeAsync(myApp, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Null(answer.Headers.Location);
            Assert.Contains("Callback URL mismatch", await answer.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("Other App", "scalekit", "the connection is not enabled")]
    [InlineData("My App", "nowhere", "the connection was not found")]
    public async Task Authorize_sends_connection_errors_back_to_the_application(string application, string connection, string description)
    {
        await ConnectionForMyAppAsync();
        var client = (await GetAsync("/api/v2/clients?fields=client_id,name,callbacks")).Array.First(c => c!["name"]!.GetValue<string>() == application)!;
        var callback = client["callbacks"]![0]!.GetValue<string>();

        var answer = await AuthorizeAsync(client["client_id"]!.GetValue<string>(), callback, connection);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(callback + "?", answer.Headers.Location!.AbsoluteUri);
        var back = QueryHelpers.ParseQuery(answer.Headers.Location.Query);
        Assert.Equal("invalid_request", back["error"]);
        Assert.Equal(description, back["error_description"]);
        Assert.Equal("s1", back["state"]);
    }
}
