using ScalekitAuth0.Tests.Support;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Auth0;

public sealed class Auth0ConnectionTests(Auth0SandboxFixture sandbox) : Auth0TestBase(sandbox)
{
    [Fact]
    public async Task CreateAddsTheServerDefaultsOfReference13()
    {
        var body = OidcConnection("scalekit");
        body.Remove("display_name");
        var options = body["options"]!.AsObject();
        options.Remove("type");
        options["token_endpoint"] = null;
        options["upstream_params"] = new JsonObject { ["screen_name"] = new JsonObject { ["alias"] = "login_hint" } };
        options["oidc_metadata"] = new JsonObject
        {
            ["issuer"] = "https://sso.example.com",
            ["authorization_endpoint"] = "https://sso.example.com/oauth/authorize",
            ["token_endpoint"] = "https://sso.example.com/oauth/token",
            ["jwks_uri"] = "https://sso.example.com/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };

        var created = await PostAsync("/api/v2/connections", body);

        Assert.Equal(201, created.Status);
        var c = created.Object;
        Assert.Matches("^con_[A-Za-z0-9]{16}$", Id(c));
        Assert.Equal("scalekit", c["display_name"]!.GetValue<string>());
        Assert.Equal("[\"scalekit\"]", c["realms"]!.ToJsonString());
        Assert.Equal("[]", c["enabled_clients"]!.ToJsonString());
        Assert.False(c["is_domain_connection"]!.GetValue<bool>());
        Assert.False(c["show_as_button"]!.GetValue<bool>());
        Assert.Equal("{\"active\":true}", c["authentication"]!.ToJsonString());
        Assert.Equal("{\"active\":false}", c["connected_accounts"]!.ToJsonString());
        var o = c["options"]!.AsObject();
        Assert.Equal("front_channel", o["type"]!.GetValue<string>());
        Assert.Equal("oidc-V4", o["schema_version"]!.GetValue<string>());
        Assert.Equal("{\"mapping_mode\":\"bind_all\"}", o["attribute_map"]!.ToJsonString());
        Assert.Equal("{\"pkce\":\"auto\"}", o["connection_settings"]!.ToJsonString());
        Assert.Equal("https://sso.example.com/oauth/token", o["token_endpoint"]!.GetValue<string>()); // back-filled from oidc_metadata
        Assert.Equal("login_hint", o["upstream_params"]!["screen_name"]!["alias"]!.GetValue<string>()); // unknown keys survive
        Assert.False(o["oidc_metadata"]!["request_uri_parameter_supported"]!.GetValue<bool>());
        Assert.Equal(c.ToJsonString(), (await GetAsync($"/api/v2/connections/{Id(c)}")).Text);
    }

    [Fact]
    public async Task WithoutDiscoveryOrMetadataNoOidcMetadataIsStoredAndNullEndpointsStayNull()
    {
        var body = OidcConnection("scalekit");
        body["options"]!["userinfo_endpoint"] = null;
        body["options"]!["discovery_url"] = null;

        var options = (await PostAsync("/api/v2/connections", body)).Object["options"]!.AsObject();

        Assert.False(options.ContainsKey("oidc_metadata"));
        Assert.True(options.ContainsKey("userinfo_endpoint"));
        Assert.Null(options["userinfo_endpoint"]);
    }

    [Fact]
    public async Task ALoopbackDiscoveryDocumentIsFetchedAndFillsTheEndpoints()
    {
        await using var idp = await DiscoveryServer.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "scalekit",
            ["strategy"] = "oidc",
            ["options"] = new JsonObject { ["client_id"] = "skc_1", ["discovery_url"] = idp.DiscoveryUrl },
        };

        var created = await PostAsync("/api/v2/connections", body);

        Assert.True(created.Status == 201, created.Text);
        var options = created.Object["options"]!.AsObject();
        Assert.Equal(idp.Issuer, options["issuer"]!.GetValue<string>());
        Assert.Equal(idp.Issuer + "/oauth/token", options["token_endpoint"]!.GetValue<string>());
        Assert.Equal(idp.Issuer + "/keys", options["oidc_metadata"]!["jwks_uri"]!.GetValue<string>());
        Assert.Equal(1, idp.Fetches);
    }

    [Fact]
    public async Task OktaConnectionsGetOktasDefaults()
    {
        var body = new JsonObject
        {
            ["name"] = "okta",
            ["strategy"] = "okta",
            ["options"] = new JsonObject { ["client_id"] = "c", ["client_secret"] = "s", ["domain"] = "acme.okta.com", ["token_endpoint"] = null },
        };

        var options = (await PostAsync("/api/v2/connections", body)).Object["options"]!.AsObject();

        Assert.Equal("back_channel", options["type"]!.GetValue<string>());
        Assert.Equal("basic_profile", options["attribute_map"]!["mapping_mode"]!.GetValue<string>());
        Assert.Equal("https://acme.okta.com/oauth2/v1/token", options["token_endpoint"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("under_score")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("white space")]
    public async Task NamesOutsideAuth0sPatternAreRefused(string name)
    {
        var answer = await PostAsync("/api/v2/connections", OidcConnection(name));

        AssertAuth0Error(answer, 400, "invalid_body", "Payload validation error: ");
        Assert.Contains("on property name", answer.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task NamesMayBe128CharactersButNotMore()
    {
        Assert.Equal(201, (await PostAsync("/api/v2/connections", OidcConnection(new string('a', 128)))).Status);
        AssertAuth0Error(await PostAsync("/api/v2/connections", OidcConnection(new string('b', 129))), 400, "invalid_body", "Payload validation error: 'String is too long (129 chars), maximum 128'");
    }

    [Fact]
    public async Task OidcNeedsAClientId()
    {
        var body = OidcConnection("scalekit");
        body["options"]!.AsObject().Remove("client_id");

        AssertAuth0Error(await PostAsync("/api/v2/connections", body), 400, "invalid_body", "Payload validation error: 'Missing required property: client_id'");
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("authorization_endpoint")]
    [InlineData("jwks_uri")]
    public async Task ANullIssuerOrRequiredEndpointIsRefusedAsTheRealApiDoes(string key)
    {
        var body = OidcConnection("scalekit");
        body["options"]![key] = null;

        var answer = await PostAsync("/api/v2/connections", body);

        Assert.Equal(Error(400, "Bad Request", $"\"options.{key}\" must be a string", "invalid_body"), answer.Text);
    }

    [Fact]
    public async Task RealmsAreRefusedForOidc()
    {
        var body = OidcConnection("scalekit");
        body["realms"] = new JsonArray("scalekit");

        AssertAuth0Error(await PostAsync("/api/v2/connections", body), 400, "invalid_body", "Realms is only supported for database connections.");
    }

    [Fact]
    public async Task ADuplicateNameIsAConflict()
    {
        await CreateConnectionAsync("scalekit");

        var again = await PostAsync("/api/v2/connections", OidcConnection("scalekit"));

        Assert.Equal(Error(409, "Conflict", "A connection with the same name already exists", "connection_conflict"), again.Text);
    }

    [Fact]
    public async Task StrategiesTheSandboxDoesNotEmulateAreNotPretendedTo()
    {
        var answer = await PostAsync("/api/v2/connections", new JsonObject { ["name"] = "db", ["strategy"] = "auth0" });

        AssertAuth0Error(answer, 501, "not_emulated");
    }

    [Fact]
    public async Task BodiesThatAreNotAnObjectOrNotJsonAreRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Sandbox.Auth0Url + "/api/v2/connections")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Token);

        var notJson = await Answer.FromAsync(await Sandbox.Http.SendAsync(request));
        var array = await PostAsync("/api/v2/connections", new JsonArray());

        Assert.Equal((400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Invalid request payload JSON format\"}"), (notJson.Status, notJson.Text));
        AssertAuth0Error(array, 400, "invalid_body", "Payload validation error: 'Expected type object but found type array'");
    }

    [Fact]
    public async Task AnUnknownRouteIsAnAuth0NotFound()
    {
        var answer = await GetAsync("/api/v2/no-such-thing");

        Assert.Equal((404, "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}"), (answer.Status, answer.Text));
    }

    [Fact]
    public async Task AnUnknownConnectionIs404()
    {
        var answer = await GetAsync("/api/v2/connections/con_0000000000000000");

        Assert.Equal(Error(404, "Not Found", "The connection does not exist", "inexistent_connection"), answer.Text);
        AssertAuth0Error(await PatchAsync("/api/v2/connections/con_0000000000000000", new JsonObject { ["show_as_button"] = true }), 404, "inexistent_connection");
    }

    [Fact]
    public async Task PatchReplacesOptionsWholesale()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));
        var options = new JsonObject
        {
            ["client_id"] = "skc_2",
            ["issuer"] = "https://other.example.com",
            ["authorization_endpoint"] = "https://other.example.com/authorize",
            ["jwks_uri"] = "https://other.example.com/keys",
            ["domain_aliases"] = new JsonArray("acme.com", "acme.org"),
        };

        var patched = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["display_name"] = "Scalekit SSO", ["options"] = options });

        Assert.Equal(200, patched.Status);
        var stored = (await GetAsync($"/api/v2/connections/{id}")).Object["options"]!.AsObject();
        Assert.Equal("skc_2", stored["client_id"]!.GetValue<string>());
        Assert.Equal("[\"acme.com\",\"acme.org\"]", stored["domain_aliases"]!.ToJsonString());
        Assert.False(stored.ContainsKey("client_secret")); // not merged: what was not sent is gone
        Assert.False(stored.ContainsKey("scope"));
        Assert.Equal("front_channel", stored["type"]!.GetValue<string>()); // and the defaults come back
        Assert.Equal(patched.Object.ToJsonString(), (await GetAsync($"/api/v2/connections/{id}")).Text);
    }

    [Fact]
    public async Task PatchResetsDisplayNameToTheNameWhenItIsNotSent()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));

        var kept = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["display_name"] = "Kept", ["show_as_button"] = true });
        var reset = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["show_as_button"] = false });

        Assert.Equal("Kept", kept.Object["display_name"]!.GetValue<string>());
        Assert.Equal("scalekit", reset.Object["display_name"]!.GetValue<string>());
        Assert.False(reset.Object["show_as_button"]!.GetValue<bool>());
        Assert.Equal("skc_1", reset.Object["options"]!["client_id"]!.GetValue<string>()); // options untouched when not sent
    }

    [Fact]
    public async Task PatchRefusesNameAndStrategy()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));

        var answer = await PatchAsync($"/api/v2/connections/{id}", new JsonObject { ["name"] = "renamed", ["strategy"] = "okta", ["show_as_button"] = true });

        Assert.Equal(Error(400, "Bad Request", "Payload validation error: 'Additional properties not allowed: strategy,name'.", "invalid_body"), answer.Text);
    }

    [Fact]
    public async Task DeleteIs202ThenThe204OfAConnectionThatNoLongerExists()
    {
        var id = Id(await CreateConnectionAsync("scalekit"));

        var first = await DeleteAsync($"/api/v2/connections/{id}");
        var read = await GetAsync($"/api/v2/connections/{id}");
        var second = await DeleteAsync($"/api/v2/connections/{id}");
        var unknown = await DeleteAsync("/api/v2/connections/con_0000000000000000");

        Assert.Equal(202, first.Status);
        Assert.Equal(["deleted_at"], first.Object.Select(p => p.Key));
        var deletedAt = first.Object["deleted_at"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", deletedAt);
        Assert.InRange(DateTimeOffset.Parse(deletedAt, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        AssertAuth0Error(read, 404, "inexistent_connection");
        Assert.Equal((204, ""), (second.Status, second.Text));
        Assert.Equal((204, ""), (unknown.Status, unknown.Text));
    }

    [Fact]
    public async Task ConcurrentCreatesOfOneNameYieldExactlyOneConnection()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostAsync("/api/v2/connections", OidcConnection("racy"))));
        var distinct = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostAsync("/api/v2/connections", OidcConnection($"conn-{i}"))));

        Assert.Single(answers, a => a.Status == 201);
        Assert.All(answers.Where(a => a.Status != 201), a => Assert.Equal(409, a.Status));
        Assert.All(distinct, a => Assert.Equal(201, a.Status));
        Assert.Equal(13, (await GetAsync("/api/v2/connections")).Array.Count);
    }

    [Fact]
    public async Task ResetGoesBackToTheSeeds()
    {
        await CreateConnectionAsync("scalekit");
        await CreateApplicationAsync("Extra App");

        await Sandbox.ResetAsync();
        var token = await Sandbox.TokenAsync();

        Assert.Empty((await GetAsync("/api/v2/connections", token)).Array);
        var names = (await GetAsync("/api/v2/clients", token)).Array.Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["My App", "Other App", "ScalekitAuth0 Sandbox M2M"], names);
    }

    /// <summary>A loopback OIDC provider that serves one discovery document and counts its reads.</summary>
    private sealed class DiscoveryServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _fetches;

        private DiscoveryServer(WebApplication app) => _app = app;

        public string Issuer { get; private set; } = "";

        public string DiscoveryUrl => Issuer + "/.well-known/openid-configuration";

        public int Fetches => _fetches;

        public static async Task<DiscoveryServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new DiscoveryServer(app);
            app.MapGet("/.well-known/openid-configuration", () =>
            {
                Interlocked.Increment(ref server._fetches);
                return Results.Json(new JsonObject
                {
                    ["issuer"] = server.Issuer,
                    ["authorization_endpoint"] = server.Issuer + "/oauth/authorize",
                    ["token_endpoint"] = server.Issuer + "/oauth/token",
                    ["userinfo_endpoint"] = server.Issuer + "/userinfo",
                    ["jwks_uri"] = server.Issuer + "/keys",
                });
            });
            await app.StartAsync();
            server.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
            return server;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
