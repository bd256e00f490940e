using ScalekitAuth0.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Auth0;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

public sealed class Auth0TokenAndScopeTests(Auth0SandboxFixture sandbox) : Auth0TestBase(sandbox)
{
    private const string InvalidToken =
        "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Invalid token\",\"attributes\":{\"error\":\"Invalid token\"}}";

    private async Task<Answer> TokenRequestAsync(HttpContent content) =>
        await Answer.FromAsync(await Sandbox.Http.PostAsync(Sandbox.Auth0Url + "/oauth/token", content));

    private FormUrlEncodedContent Form(string? clientId = null, string? secret = null, string? audience = null) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId ?? Sandbox.Host.Auth0ClientId,
        ["client_secret"] = secret ?? Sandbox.Host.Auth0ClientSecret,
        ["audience"] = audience ?? Sandbox.Audience,
    });

    [Fact]
    public async Task FormTokenRequestGetsABearerTokenWithEveryModuleScope()
    {
        var answer = await TokenRequestAsync(Form());

        Assert.Equal(200, answer.Status);
        Assert.Equal(["access_token", "expires_in", "scope", "token_type"], answer.Object.Select(p => p.Key));
        Assert.Equal(86400, answer.Object["expires_in"]!.GetValue<int>());
        Assert.Equal("Bearer", answer.Object["token_type"]!.GetValue<string>());
        Assert.Equal(Auth0Scopes.Module.Order(), answer.Object["scope"]!.GetValue<string>().Split(' ').Order());
    }

    [Fact]
    public async Task JsonTokenRequestIsAcceptedToo()
    {
        var answer = await TokenRequestAsync(JsonContent.Create(new
        {
            grant_type = "client_credentials",
            client_id = Sandbox.Host.Auth0ClientId,
            client_secret = Sandbox.Host.Auth0ClientSecret,
            audience = Sandbox.Audience,
        }));

        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task ControlClientGetsOnlyItsOwnScopes()
    {
        var (id, secret) = await Sandbox.CreateM2MClientAsync(Auth0Scopes.ReadConnections);

        var answer = await TokenRequestAsync(Form(id, secret));

        Assert.Equal("read:connections", answer.Object["scope"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{auth0}/api/v2")] // the trailing slash forgotten
    [InlineData("{auth0}/api/v2/connections")]
    [InlineData("https://login.acme.com/api/v2/")] // a custom domain used as the audience
    public async Task AnyOtherAudienceIsRefusedWith403(string pattern)
    {
        var audience = pattern.Replace("{auth0}", Sandbox.Auth0Url);

        var answer = await TokenRequestAsync(Form(audience: audience));

        Assert.Equal(403, answer.Status);
        Assert.Equal(
            new JsonObject { ["error"] = "access_denied", ["error_description"] = $"Service not enabled within domain: {audience}" }.ToJsonString(),
            answer.Text);
    }

    [Fact]
    public async Task BadCredentialsAreRefusedWith401()
    {
        const string unauthorized = "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}";

        var wrongSecret = await TokenRequestAsync(Form(secret: "wrong"));
        var unknownClient = await TokenRequestAsync(Form(clientId: "nobody"));

        Assert.Equal((401, unauthorized), (wrongSecret.Status, wrongSecret.Text));
        Assert.Equal((401, unauthorized), (unknownClient.Status, unknownClient.Text));
    }

    [Theory]
    [InlineData("GET", "/api/v2/connections")]
    [InlineData("POST", "/api/v2/connections")]
    [InlineData("GET", "/api/v2/connections/con_0000000000000000")]
    [InlineData("PATCH", "/api/v2/connections/con_0000000000000000")]
    [InlineData("DELETE", "/api/v2/connections/con_0000000000000000")]
    [InlineData("GET", "/api/v2/connections/con_0000000000000000/clients")]
    [InlineData("PATCH", "/api/v2/connections/con_0000000000000000/clients")]
    [InlineData("GET", "/api/v2/clients")]
    [InlineData("GET", "/api/v2/clients/x")]
    [InlineData("GET", "/api/v2/custom-domains")]
    [InlineData("GET", "/api/v2/custom-domains/default")]
    public async Task EveryRouteAnswersAMissingOrUnknownToken401WithAuth0sExactBody(string method, string path)
    {
        var missing = await Sandbox.SendAsync(new HttpMethod(method), path, token: null, new JsonObject());
        var unknown = await Sandbox.SendAsync(new HttpMethod(method), path, token: "not-a-token", new JsonObject());

        Assert.Equal((401, InvalidToken), (missing.Status, missing.Text));
        Assert.Equal((401, InvalidToken), (unknown.Status, unknown.Text));
    }

    [Fact]
    public async Task ExpiredTokensAreAnswered401()
    {
        Assert.Equal(200, (await GetAsync("/api/v2/connections")).Status);

        (await Sandbox.Http.PostAsync(Sandbox.Auth0Url + "/_sandbox/auth0/expire-tokens", null)).EnsureSuccessStatusCode();
        var answer = await GetAsync("/api/v2/connections");

        Assert.Equal((401, InvalidToken), (answer.Status, answer.Text));
    }

    [Theory]
    [InlineData("POST", "/api/v2/connections", "create:connections")]
    [InlineData("DELETE", "/api/v2/connections/con_0000000000000000", "delete:connections")]
    [InlineData("PATCH", "/api/v2/connections/con_0000000000000000", "update:connections")]
    [InlineData("PATCH", "/api/v2/connections/con_0000000000000000/clients", "update:connections")]
    [InlineData("GET", "/api/v2/clients", "read:clients")]
    [InlineData("GET", "/api/v2/custom-domains", "read:custom_domains")]
    [InlineData("POST", "/api/v2/clients", "create:clients")]
    [InlineData("POST", "/api/v2/custom-domains", "create:custom_domains")]
    public async Task AMissingScopeIsAnswered403NamingTheScope(string method, string path, string scope)
    {
        var readOnly = await Sandbox.TokenAsync(Auth0Scopes.ReadConnections);

        var answer = await Sandbox.SendAsync(new HttpMethod(method), path, readOnly, new JsonObject());

        Assert.Equal(403, answer.Status);
        Assert.Equal(Error(403, "Forbidden", $"Insufficient scope, expected any of: {scope}", "insufficient_scope"), answer.Text);
    }

    [Fact]
    public async Task TheSeededClientMayNotCreateCustomDomainsOrClients()
    {
        var domain = await PostAsync("/api/v2/custom-domains", new JsonObject { ["domain"] = "login.acme.com", ["type"] = "auth0_managed_certs" });
        var client = await PostAsync("/api/v2/clients", new JsonObject { ["name"] = "x" });

        AssertAuth0Error(domain, 403, "insufficient_scope");
        AssertAuth0Error(client, 403, "insufficient_scope");
    }

    [Fact]
    public async Task OptionsAreLeftOutOfReadsWithoutReadConnectionsOptions()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var withoutOptionsScope = await Sandbox.TokenAsync(Auth0Scopes.ReadConnections);

        var single = await GetAsync($"/api/v2/connections/{id}", withoutOptionsScope);
        var list = await GetAsync("/api/v2/connections", withoutOptionsScope);
        var withScope = await GetAsync($"/api/v2/connections/{id}");

        Assert.False(single.Object.ContainsKey("options"));
        Assert.Equal("scalekit", single.Object["name"]!.GetValue<string>());
        Assert.False(list.Array.Single()!.AsObject().ContainsKey("options"));
        Assert.Equal("https://sso.example.com", withScope.Object["options"]!["issuer"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchingOptionsNeedsUpdateConnectionsOptionsToo()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var updateOnly = await Sandbox.TokenAsync(Auth0Scopes.UpdateConnections);

        var withOptions = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["options"] = OidcConnection("x")["options"]!.DeepClone() }, updateOnly);
        var withoutOptions = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["show_as_button"] = true }, updateOnly);

        Assert.Equal(Error(403, "Forbidden", "Insufficient scope, expected any of: update:connections_options", "insufficient_scope"), withOptions.Text);
        Assert.Equal(200, withoutOptions.Status);
        Assert.False(withoutOptions.Object.ContainsKey("options"));
    }

    [Fact]
    public async Task ControlRoutesAnswerOnTheScalekitPortToo()
    {
        var response = await Sandbox.Http.PostAsJsonAsync(Sandbox.Host.ScalekitUrl + "/_sandbox/auth0/clients", new { name = "x", scopes = new[] { "read:clients" } });
        var body = (await Answer.FromAsync(response)).Object;

        var token = await Sandbox.TokenAsync(body["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());

        Assert.Equal(200, (await GetAsync("/api/v2/clients", token)).Status);
    }
}
