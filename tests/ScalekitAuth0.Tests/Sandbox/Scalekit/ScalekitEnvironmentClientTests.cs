using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>The environment client's redirect URIs: PATCH semantics, Scalekit's URI rules and the legacy shape.</summary>
public sealed class ScalekitEnvironmentClientTests(ScalekitSandboxFixture sandbox) : ScalekitTestBase(sandbox)
{
    private string ClientPath => $"/api/v1/clients/{ClientId}";

    [Fact]
    public async Task The_seeded_environment_client_has_the_current_shape_and_no_callback_URIs()
    {
        var client = (await GetAsync(ClientPath)).Json["client"]!;

        Assert.Equal(ClientId, client["id"]!.GetValue<string>());
        Assert.Equal(ClientId, client["keyId"]!.GetValue<string>());
        Assert.Equal("ENV", client["client_type"]!.GetValue<string>());
        Assert.Empty(client["post_login_uris"]!.AsArray());
        Assert.Empty(client["post_logout_redirect_uris"]!.AsArray());
        Assert.Empty(client["back_channel_logout_uris"]!.AsArray());
        Assert.Null(client["redirect_uris"]);
        Assert.Null(client["default_redirect_uri"]);
        Assert.True(DateTimeOffset.TryParse(client["create_time"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Secrets_show_only_their_suffix_never_the_secret()
    {
        var answer = await GetAsync(ClientPath);

        var secret = Assert.Single(answer.Json["client"]!["secrets"]!.AsArray())!;
        Assert.Equal(Sandbox.Host.ScalekitClientSecret[^4..], secret["secret_suffix"]!.GetValue<string>());
        Assert.Equal("ACTIVE", secret["status"]!.GetValue<string>());
        Assert.Null(secret["plain_secret"]);
        Assert.DoesNotContain(Sandbox.Host.ScalekitClientSecret, answer.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_holds_the_environment_client()
    {
        AssertOnlyItem((await GetAsync("/api/v1/clients")).Json, "clients", ClientId);
    }

    [Fact]
    public async Task An_unknown_client_is_NOT_FOUND()
    {
        AssertError(await GetAsync("/api/v1/clients/skc_1"), HttpStatusCode.NotFound, 5, "NOT_FOUND");
        AssertError(await PatchAsync("/api/v1/clients/skc_1", """{"post_login_uris":[]}"""), HttpStatusCode.NotFound, 5, "NOT_FOUND");
    }

    [Fact]
    public async Task PATCH_replaces_only_the_keys_sent_and_each_array_whole()
    {
        await PatchAsync(ClientPath, """
            {"post_login_uris":["https://a.example.com/cb","https://b.example.com/cb"],
             "post_logout_redirect_uris":["https://a.example.com/bye"],"initiate_login_uri":"https://a.example.com/login"}
            """);

        var answer = await PatchAsync(ClientPath, """{"post_login_uris":["https://c.example.com/cb"]}""");

        Assert.Equal(200, answer.Status);
        var client = answer.Json["client"]!;
        Assert.Equal(["https://c.example.com/cb"], Strings(client["post_login_uris"]));
        Assert.Equal(["https://a.example.com/bye"], Strings(client["post_logout_redirect_uris"]));
        Assert.Equal("https://a.example.com/login", client["initiate_login_uri"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(client, (await GetAsync(ClientPath)).Json["client"]));
        Assert.Equal(["https://c.example.com/cb"], Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task PATCH_with_an_empty_array_clears_the_list()
    {
        await PatchAsync(ClientPath, """{"post_login_uris":["https://a.example.com/cb"]}""");

        var answer = await PatchAsync(ClientPath, """{"post_login_uris":[]}""");

        Assert.Empty(answer.Json["client"]!["post_login_uris"]!.AsArray());
    }

    [Theory]
    [InlineData("http://localhost:3000/callback")]
    [InlineData("https://dev-tenant.eu.auth0.com/login/callback")]
    [InlineData("https://*.acmecorp.com/callback")]
    [InlineData("https://auth-*.acmecorp.com/callback")]
    [InlineData("myapp://login/callback")]
    [InlineData("https://{{org_slug}}/callback")]
    public async Task URIs_Scalekit_allows_in_a_development_environment_are_accepted(string uri)
    {
        var answer = await PatchAsync(ClientPath, new JsonObject { ["post_login_uris"] = new JsonArray(uri) });

        Assert.True(answer.Status == 200, answer.ToString());
    }

    public static TheoryData<string, string> RefusedUris => new()
    {
        { "query", "https://app.example.com/callback?next=1" },
        { "fragment", "https://app.example.com/callback#top" },
        { "longer than 256", "https://app.example.com/" + new string('a', 233) },
        { "not absolute", "/login/callback" },
        { "no scheme", "app.example.com/callback" },
        { "no host", "https:///callback" },
        { "two wildcards", "https://*.*.acmecorp.com/callback" },
        { "wildcard at root level", "https://*.com/callback" },
        { "wildcard not outermost", "https://auth.*.acmecorp.com/callback" },
        { "wildcard in path", "https://acmecorp.com/*/callback" },
        { "whitespace", "https://app.example.com/call back" },
    };

    [Theory]
    [MemberData(nameof(RefusedUris))]
    public async Task URIs_breaking_Scalekit_rules_are_refused_naming_the_URI_and_nothing_changes(string rule, string uri)
    {
        await PatchAsync(ClientPath, """{"post_login_uris":["https://kept.example.com/cb"]}""");
        var before = (await GetAsync(ClientPath)).Json["client"]!;

        var answer = await PatchAsync(ClientPath, new JsonObject
        {
            ["name"] = "renamed",
            ["post_login_uris"] = new JsonArray("https://fine.example.com/cb", uri),
        });

        AssertError(answer, HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", uri);
        Assert.True(JsonNode.DeepEquals(before, (await GetAsync(ClientPath)).Json["client"]), $"{rule}: the client changed");
        Assert.Equal(["https://kept.example.com/cb"], Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task A_URI_of_exactly_256_characters_is_allowed()
    {
        var uri = "https://app.example.com/" + new string('a', 232);
        Assert.Equal(256, uri.Length);

        Assert.Equal(200, (await PatchAsync(ClientPath, new JsonObject { ["post_login_uris"] = new JsonArray(uri) })).Status);
    }

    [Fact]
    public async Task Repeated_URIs_are_refused_because_the_proto_requires_unique_items()
    {
        var answer = await PatchAsync(ClientPath, """{"post_login_uris":["https://a.example.com/cb","https://a.example.com/cb"]}""");

        AssertError(answer, HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "https://a.example.com/cb");
        Assert.Empty(Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task Five_redirect_URIs_are_allowed_and_a_sixth_is_refused_with_Scalekits_validation_error_storing_nothing()
    {
        var five = Enumerable.Range(1, 5).Select(i => $"https://app{i}.example.com/cb").ToArray();
        var allowed = await PatchAsync(ClientPath, new JsonObject { ["post_login_uris"] = UriArray(five) });
        Assert.Equal(200, allowed.Status);
        Assert.Equal(five, Strings(allowed.Json["client"]!["post_login_uris"]));
        var before = (await GetAsync(ClientPath)).Json["client"]!;

        var refused = await PatchAsync(ClientPath, new JsonObject
        {
            ["name"] = "renamed",
            ["post_login_uris"] = UriArray([.. five, "https://app6.example.com/cb"]),
        });

        AssertError(refused, HttpStatusCode.BadRequest, 3, "BAD_REQUEST", "post_login_uris");
        var violation = Assert.Single(refused.Json["details"]![0]!["validation_error_info"]!["field_violations"]!.AsArray())!;
        Assert.Equal("post_login_uris", violation["field"]!.GetValue<string>());
        Assert.Equal("Maximum of 5 URIs allowed", violation["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, (await GetAsync(ClientPath)).Json["client"]), "the refused PATCH changed the client");
        Assert.Equal(five, Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task The_legacy_redirect_uris_have_the_same_cap()
    {
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");

        var refused = await PatchAsync(ClientPath, new JsonObject { ["redirect_uris"] = UriArray(Enumerable.Range(1, 6).Select(i => $"https://app{i}.example.com/cb")) });

        AssertError(refused, HttpStatusCode.BadRequest, 3, "BAD_REQUEST", "redirect_uris");
        Assert.Empty(Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task The_other_URI_lists_follow_the_same_rules()
    {
        AssertError(await PatchAsync(ClientPath, """{"post_logout_redirect_uris":["https://a.example.com/bye?x=1"]}"""),
            HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "post_logout_redirect_uris");
        AssertError(await PatchAsync(ClientPath, """{"initiate_login_uri":"login"}"""),
            HttpStatusCode.BadRequest, 3, "INVALID_ARGUMENT", "initiate_login_uri");
    }

    [Fact]
    public async Task Fields_the_current_proto_does_not_have_are_unknown_fields()
    {
        AssertError(await PatchAsync(ClientPath, """{"redirect_uris":["https://a.example.com/cb"]}"""),
            HttpStatusCode.BadRequest, 3, errorCode: null, "redirect_uris");
        AssertError(await PatchAsync(ClientPath, """{"client_type":"SPA"}"""), HttpStatusCode.BadRequest, 3, errorCode: null, "client_type");
    }

    [Fact]
    public async Task The_legacy_switch_makes_the_client_carry_redirect_uris_instead_of_post_login_uris()
    {
        await PatchAsync(ClientPath, """{"post_login_uris":["https://a.example.com/cb"]}""");
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");

        var client = (await GetAsync(ClientPath)).Json["client"]!;

        Assert.Null(client["post_login_uris"]);
        Assert.Equal(["https://a.example.com/cb"], Strings(client["redirect_uris"]));
        Assert.Equal("", client["default_redirect_uri"]!.GetValue<string>());
        Assert.Equal("", client["back_channel_logout_uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_the_legacy_shape_PATCH_takes_redirect_uris_and_refuses_post_login_uris()
    {
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");

        var patched = await PatchAsync(ClientPath, """{"redirect_uris":["https://a.example.com/cb"],"default_redirect_uri":"https://a.example.com/cb"}""");
        var refused = await PatchAsync(ClientPath, """{"post_login_uris":["https://b.example.com/cb"]}""");

        Assert.Equal(200, patched.Status);
        Assert.Equal(["https://a.example.com/cb"], Strings(patched.Json["client"]!["redirect_uris"]));
        AssertError(refused, HttpStatusCode.BadRequest, 3, errorCode: null, "post_login_uris");
        Assert.Equal(["https://a.example.com/cb"], Sandbox.Host.Scalekit.State.EnvironmentClient().LoginUris);
    }

    [Fact]
    public async Task Switching_back_and_resetting_restore_the_current_shape()
    {
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":false}""");
        Assert.NotNull((await GetAsync(ClientPath)).Json["client"]!["post_login_uris"]);

        await PatchAsync(ClientPath, """{"post_login_uris":["https://a.example.com/cb"]}""");
        await Sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");
        await Sandbox.ResetAsync();
        var client = (await Sandbox.SendAsync(HttpMethod.Get, ClientPath, await Sandbox.TokenAsync())).Json["client"]!;

        Assert.Empty(client["post_login_uris"]!.AsArray());
        Assert.False(Sandbox.Host.Scalekit.State.LegacyRedirectUrisShape);
    }

    [Fact]
    public async Task Concurrent_PATCHes_each_land_whole()
    {
        var uris = Enumerable.Range(0, 40).Select(i => $"https://app{i}.example.com/cb").ToList();

        var answers = await Task.WhenAll(uris.Select(uri => PatchAsync(ClientPath, new JsonObject
        {
            ["post_login_uris"] = new JsonArray(uri),
            ["post_logout_redirect_uris"] = new JsonArray(uri + "/bye"),
        })));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        var client = Sandbox.Host.Scalekit.State.EnvironmentClient();
        Assert.Equal(client.LoginUris.Single() + "/bye", client.PostLogoutRedirectUris.Single());
    }

    private static JsonArray UriArray(IEnumerable<string> uris) => new(uris.Select(u => (JsonNode?)u).ToArray());

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
