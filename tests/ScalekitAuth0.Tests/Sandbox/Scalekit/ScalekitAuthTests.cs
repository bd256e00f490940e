using ScalekitAuth0.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace ScalekitAuth0.Tests.Sandbox.Scalekit;

/// <summary>The token endpoint, the Bearer check in front of /api/v1, discovery and the JWKS.</summary>
public sealed class ScalekitAuthTests(ScalekitSandboxFixture sandbox) : ScalekitTestBase(sandbox)
{
    [Fact]
    public async Task Client_credentials_of_the_environment_client_get_a_day_long_openid_token()
    {
        var response = await Sandbox.TokenResponseAsync(ClientId, Sandbox.Host.ScalekitClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await Answer.FromAsync(response)).Json;
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(86399, body["expires_in"]!.GetValue<int>());
        Assert.Equal("openid", body["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_credentials_sent_with_HTTP_Basic_are_accepted_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Sandbox.Host.ScalekitUrl}/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Sandbox.Host.ScalekitClientSecret}")));

        using var response = await Sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Wrong_client_credentials_are_an_OAuth_invalid_client_401(bool rightId, bool rightSecret)
    {
        var response = await Sandbox.TokenResponseAsync(
            rightId ? ClientId : "skc_00000000000000000", rightSecret ? Sandbox.Host.ScalekitClientSecret : "test_wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = (await Answer.FromAsync(response)).Object;
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error_description"]!.GetValue<string>()));
        Assert.Equal(["error", "error_description"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task Another_grant_type_is_refused()
    {
        var response = await Sandbox.Http.PostAsync($"{Sandbox.Host.ScalekitUrl}/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = ClientId,
            ["client_secret"] = Sandbox.Host.ScalekitClientSecret,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await Answer.FromAsync(response)).Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_a_token_gets_Token_empty_exactly_as_Scalekit_words_it()
    {
        var answer = await Sandbox.SendAsync(HttpMethod.Get, "/api/v1/organizations", token: null);

        Assert.Equal(401, answer.Status);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"code":16,"message":"Token empty","details":[{"@type":"type.googleapis.com/scalekit.v1.errdetails.ErrorInfo","error_code":"UNAUTHENTICATED"}]}
                """),
            answer.Body), answer.ToString());
    }

    [Fact]
    public async Task A_token_the_environment_did_not_issue_is_unauthenticated()
    {
        AssertError(await Sandbox.SendAsync(HttpMethod.Get, $"/api/v1/clients/{ClientId}", "eyJhbGciOiJub25lIn0.e30.forged"),
            HttpStatusCode.Unauthorized, 16, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_token_expired_mid_run_is_unauthenticated_and_a_new_one_works()
    {
        (await Sandbox.Http.PostAsync($"{Sandbox.Host.ScalekitUrl}/_sandbox/auth0/expire-tokens", null)).EnsureSuccessStatusCode();

        AssertError(await GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized, 16, "UNAUTHENTICATED");
        Assert.Equal(200, (await Sandbox.SendAsync(HttpMethod.Get, "/api/v1/organizations", await Sandbox.TokenAsync())).Status);
    }

    [Fact]
    public async Task Discovery_names_the_environment_URL_as_issuer_and_its_endpoints_under_it()
    {
        var baseUrl = Sandbox.Host.ScalekitUrl;
        var discovery = (await Sandbox.SendAsync(HttpMethod.Get, "/.well-known/openid-configuration", token: null)).Json;

        Assert.False(baseUrl.EndsWith('/'));
        Assert.Equal(baseUrl, discovery["issuer"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/oauth/token", discovery["token_endpoint"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/oauth/authorize", discovery["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/keys", discovery["jwks_uri"]!.GetValue<string>());
        Assert.Contains("client_secret_post", discovery["token_endpoint_auth_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task The_discovery_control_overrides_the_issuer_until_restored_and_reset_restores_it_too()
    {
        await Sandbox.ControlAsync("scalekit/discovery", """{"issuer":"not a url"}""");
        Assert.Equal("not a url", await IssuerAsync());

        await Sandbox.ControlAsync("scalekit/discovery", "{}");
        Assert.Equal(Sandbox.Host.ScalekitUrl, await IssuerAsync());

        await Sandbox.ControlAsync("scalekit/discovery", """{"issuer":"https://elsewhere.example"}""");
        await Sandbox.ResetAsync();
        Assert.Equal(Sandbox.Host.ScalekitUrl, await IssuerAsync());
    }

    [Fact]
    public async Task Control_routes_answer_on_the_Auth0_port_too()
    {
        var response = await Sandbox.Http.PutAsync($"{Sandbox.Host.Auth0Url}/_sandbox/scalekit/discovery",
            new StringContent("""{"issuer":"via-auth0-port"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("via-auth0-port", await IssuerAsync());
    }

    [Fact]
    public async Task Keys_serve_one_RS256_signing_key()
    {
        var keys = (await Sandbox.SendAsync(HttpMethod.Get, "/keys", token: null)).Json["keys"]!.AsArray();

        var key = Assert.Single(keys)!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());
        Assert.Equal("sig", key["use"]!.GetValue<string>());
        Assert.StartsWith("snk_", key["kid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AQAB", key["e"]!.GetValue<string>());
        Assert.Equal(342, key["n"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_Scalekit_404()
    {
        AssertError(await GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, 5, errorCode: null);
    }

    private async Task<string> IssuerAsync() =>
        (await Sandbox.SendAsync(HttpMethod.Get, "/.well-known/openid-configuration", token: null)).Json["issuer"]!.GetValue<string>();
}
