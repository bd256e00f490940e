using System.Net;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Login;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Tests.Support;
using Xunit;

namespace ScalekitAuth0.Tests.Login;

/// <summary>
/// The login probe against the in-process sandbox, over real HTTP: a working chain passes, and each
/// way it can break stops the probe at its own stage with the fix for it. The sandbox's request log
/// shows what the probe sent.
/// </summary>
public sealed class LoginProbeTests(ModuleSandboxFixture fixture) : SandboxClientTest(fixture)
{
    private const string Name = "scalekit";

    /// <summary>What a working integration holds; each switch leaves one link of the chain out.</summary>
    private async Task<(Auth0Client Auth0, ScalekitAuth0.Scalekit.ScalekitClient Scalekit, ScalekitOrganization Acme)> SetUpAsync(
        bool identifierFirst = true, bool callbackAllowed = true, bool ssoConnection = true, string ssoType = "OIDC")
    {
        var auth0 = Fixture.Auth0Context().Client;
        var scalekit = Fixture.ScalekitContext().Client;
        var connection = await CreateScalekitConnectionAsync(auth0, Name, "acme.com", "globex.com");
        var applications = new List<Auth0Application>();
        await auth0.ListApplicationsAsync(applications.AddRange, Operation.Silent());
        var myApp = applications.Where(a => a.Name == "My App").ToList();
        await auth0.ApplyEnabledClientsAsync(await auth0.PlanEnabledClientsAsync(connection.Id, myApp, enable: true, Operation.Silent()), Operation.Silent());
        if (identifierFirst)
        {
            await auth0.UpdateLoginPromptAsync(new JObject { ["identifier_first"] = true }, Operation.Silent());
        }
        if (callbackAllowed)
        {
            var client = await scalekit.GetClientAsync(Fixture.Host.ScalekitClientId, Operation.Silent());
            await scalekit.UpdateRedirectUrisAsync(client, [Fixture.Host.Auth0Url + "/login/callback"], Operation.Silent());
        }
        var acme = await scalekit.CreateOrganizationAsync("Acme", "acme", null, Operation.Silent());
        await scalekit.AddOrganizationDomainAsync(acme.Id, "acme.com", Operation.Silent());
        if (ssoConnection)
        {
            await Fixture.ControlAsync(HttpMethod.Post, "/_sandbox/scalekit/sso-connections", new { organizationId = acme.Id, type = ssoType });
        }
        Fixture.Host.RequestLog.Clear();
        return (auth0, scalekit, acme);
    }

    private static Task<ScalekitLoginProbe> ProbeAsync((Auth0Client Auth0, ScalekitAuth0.Scalekit.ScalekitClient Scalekit, ScalekitOrganization Acme) chain, string email = "alice@acme.com", string? application = null) =>
        new LoginProber(chain.Auth0, chain.Scalekit, application).ProbeAsync(email, Name, Operation.Silent());

    [Fact]
    public async Task A_working_chain_reaches_the_customers_identity_provider_and_stops_there()
    {
        var probe = await ProbeAsync(await SetUpAsync());

        Assert.Equal(LoginProbeStatus.Pass, probe.Status);
        Assert.Equal(LoginProbeStage.IdentityProvider, probe.Stage);
        Assert.Equal("acme.okta.example", probe.IdentityProvider);
        Assert.Equal("My App", probe.Application);
        Assert.Equal("", probe.Fix);
        Assert.Equal(3, probe.Hops.Count);
        Assert.StartsWith(Fixture.Host.Auth0Url + "/authorize?", probe.Hops[0].Url);
        Assert.StartsWith(Fixture.Host.ScalekitUrl + "/oauth/authorize?", probe.Hops[0].Location);
        Assert.StartsWith("https://acme.okta.example/", probe.Hops[2].Location);
        Assert.All(probe.Hops, hop => Assert.Equal(302, hop.Status));
        Assert.All(probe.Hops, hop => Assert.Contains("state=***", hop.Url));
        Assert.Contains("nonce=***", probe.Hops[0].Location);
        Assert.DoesNotMatch("(state|nonce)=(?!\\*\\*\\*)", string.Join(" ", probe.Hops.Select(h => h.Url + " " + h.Location)));
    }

    [Fact]
    public async Task A_saml_identity_provider_is_reached_through_the_page_that_posts_the_request()
    {
        var probe = await ProbeAsync(await SetUpAsync(ssoType: "SAML"));

        Assert.Equal(LoginProbeStatus.Pass, probe.Status);
        Assert.Equal("acme.okta.example", probe.IdentityProvider);
        Assert.Contains("SAML", probe.Detail);
        Assert.Equal(200, probe.Hops[^1].Status);
    }

    [Fact]
    public async Task The_probe_sends_only_plain_gets_with_no_token_and_no_cookie_to_the_login_pages()
    {
        await ProbeAsync(await SetUpAsync());

        var log = Fixture.Host.RequestLog.Snapshot();
        Assert.DoesNotContain(log, r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE" && r.Path != "/oauth/token");
        var logins = log.Where(r => r.Path is "/authorize" or "/oauth/authorize" || r.Path.StartsWith("/sso/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["auth0 /authorize", "scalekit /oauth/authorize", $"scalekit {logins[2].Path}"], logins.Select(r => $"{r.Service} {r.Path}"));
        Assert.All(logins, r => Assert.Equal("GET", r.Method));
        Assert.All(logins, r => Assert.False(r.Authorization, $"{r.Path} carried an Authorization header"));
        Assert.All(logins, r => Assert.False(r.Cookie, $"{r.Path} carried a cookie"));
        Assert.Contains("login_hint=alice%40acme.com", logins[0].Query);
    }

    [Fact]
    public async Task A_domain_no_connection_routes_fails_at_routing_without_touching_the_login_pages()
    {
        var probe = await ProbeAsync(await SetUpAsync(), "bob@initech.com");

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Routing), (probe.Status, probe.Stage));
        Assert.Contains("initech.com", probe.Detail);
        Assert.Equal("Add-HrdDomain -ConnectionName 'scalekit' -Domain 'initech.com' -Organization '<organization id or external id>'", probe.Fix);
        Assert.Empty(probe.Hops);
        Assert.DoesNotContain(Fixture.Host.RequestLog.Snapshot(), r => r.Path == "/authorize");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public async Task An_address_in_capitals_passes_whatever_the_machines_culture(string culture)
    {
        var chain = await SetUpAsync();
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            var probe = await new LoginProber(chain.Auth0, chain.Scalekit, null).ProbeAsync(LoginAddress.Normalize("ALICE@ACME.COM"), Name, Operation.Silent());

            Assert.Equal(LoginProbeStatus.Pass, probe.Status);
            Assert.Equal("acme.com", probe.Domain);
            Assert.Contains("login_hint=ALICE%40acme.com", probe.Hops[0].Url);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public async Task Identifier_first_off_fails_at_routing()
    {
        var probe = await ProbeAsync(await SetUpAsync(identifierFirst: false));

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Routing), (probe.Status, probe.Stage));
        Assert.Contains("Identifier First is off", probe.Detail);
        Assert.Equal("Set-Auth0LoginPrompt -IdentifierFirst", probe.Fix);
    }

    [Fact]
    public async Task The_classic_login_fails_at_routing_with_the_switch_to_the_new_one()
    {
        var chain = await SetUpAsync();
        await chain.Auth0.UpdateLoginPromptAsync(new JObject { ["universal_login_experience"] = "classic" }, Operation.Silent());

        var probe = await ProbeAsync(chain);

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Routing), (probe.Status, probe.Stage));
        Assert.Equal("Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new", probe.Fix);
    }

    [Fact]
    public async Task A_connection_not_enabled_for_the_application_fails_at_routing()
    {
        var probe = await ProbeAsync(await SetUpAsync(), application: "Other App");

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Routing), (probe.Status, probe.Stage));
        Assert.Equal("Other App", probe.Application);
        Assert.Equal("Enable-ScalekitConnection -Name 'scalekit' -Application 'Other App'", probe.Fix);
    }

    [Fact]
    public async Task An_application_whose_callback_auth0_does_not_allow_fails_at_auth0()
    {
        var chain = await SetUpAsync();
        var created = await Fixture.ControlAsync(HttpMethod.Post, "/_sandbox/auth0/applications", new { name = "Kiosk", callbacks = Array.Empty<string>() });
        var kiosk = JObject.Parse(await created.Content.ReadAsStringAsync());
        var connection = await chain.Auth0.RequireConnectionAsync(null, Name, Operation.Silent());
        await chain.Auth0.ApplyEnabledClientsAsync(await chain.Auth0.PlanEnabledClientsAsync(connection.Id, [new Auth0Application((string)kiosk["client_id"]!, "Kiosk")], true, Operation.Silent()), Operation.Silent());

        var probe = await ProbeAsync(chain, application: "Kiosk");

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Auth0), (probe.Status, probe.Stage));
        Assert.Contains("allows no callback URL", probe.Detail);
        Assert.Contains("Allowed Callback URLs of 'Kiosk'", probe.Fix);
    }

    [Fact]
    public async Task Auth0s_callback_not_allowed_in_scalekit_fails_at_scalekit_with_the_sync()
    {
        var probe = await ProbeAsync(await SetUpAsync(callbackAllowed: false));

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Scalekit), (probe.Status, probe.Stage));
        Assert.Contains("invalid_redirect_uri", probe.Detail);
        Assert.Equal("Get-ScalekitConnection -Name 'scalekit' | Sync-ScalekitRedirectUri", probe.Fix);
        Assert.Equal(400, probe.Hops[^1].Status);
    }

    [Fact]
    public async Task A_routed_domain_no_scalekit_organization_owns_fails_at_scalekit_with_domain_not_found()
    {
        var probe = await ProbeAsync(await SetUpAsync(), "carol@globex.com");

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Scalekit), (probe.Status, probe.Stage));
        Assert.Contains("error=domain_not_found", probe.Detail);
        Assert.Equal("Add-HrdDomain -ConnectionName 'scalekit' -Domain 'globex.com' -Organization '<organization id or external id>'", probe.Fix);
        Assert.StartsWith(Fixture.Host.Auth0Url + "/login/callback?", probe.Hops[^1].Location);
    }

    [Fact]
    public async Task A_customer_without_an_active_sso_connection_fails_at_scalekit_with_its_portal_link()
    {
        var chain = await SetUpAsync(ssoConnection: false);
        await Fixture.ControlAsync(HttpMethod.Post, "/_sandbox/scalekit/sso-connections", new { organizationId = chain.Acme.Id, status = "IN_PROGRESS", enabled = false });

        var probe = await ProbeAsync(chain);

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Scalekit), (probe.Status, probe.Stage));
        Assert.Contains("error=no_active_connections", probe.Detail);
        Assert.Equal($"New-ScalekitPortalLink -Organization '{chain.Acme.Id}' -Feature sso", probe.Fix);
    }

    [Fact]
    public async Task A_redirect_loop_on_scalekits_host_is_a_fail_not_a_hang()
    {
        var chain = await SetUpAsync();
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Scalekit, Path = "/oauth/authorize", Kind = FaultKind.Redirect, Status = 302, Location = Fixture.Host.ScalekitUrl + "/oauth/authorize?again=1" });

        var probe = await ProbeAsync(chain);

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Scalekit), (probe.Status, probe.Stage));
        Assert.Contains("loop", probe.Detail);
        Assert.True(probe.Hops.Count <= 1 + LoginProber.MaxHopsPerService);
    }

    [Fact]
    public async Task A_redirect_without_location_is_a_fail()
    {
        var chain = await SetUpAsync();
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Path = "/authorize", Kind = FaultKind.Redirect, Status = 302 });

        var probe = await ProbeAsync(chain);

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Auth0), (probe.Status, probe.Stage));
        Assert.Contains("without a Location", probe.Detail);
    }

    [Fact]
    public async Task Auth0_sending_the_browser_to_another_host_than_the_connections_endpoint_is_a_fail()
    {
        var chain = await SetUpAsync();
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Path = "/authorize", Kind = FaultKind.Redirect, Status = 302, Location = "https://phish.example/oauth/authorize?login_hint=alice%40acme.com" });

        var probe = await ProbeAsync(chain);

        Assert.Equal((LoginProbeStatus.Fail, LoginProbeStage.Auth0), (probe.Status, probe.Stage));
        Assert.Contains("phish.example", probe.Detail);
        Assert.Equal("New-ScalekitConnection -Name 'scalekit' -Force", probe.Fix);
        Assert.Single(probe.Hops);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_refusal_on_authorize_is_retried_by_the_transports_rules(int status)
    {
        var chain = await SetUpAsync();
        await Fixture.AddFaultAsync(new FaultRule { Service = Services.Auth0, Method = "GET", Path = "/authorize", Count = 2, Kind = FaultKind.Status, Status = status, RetryAfter = "0" });

        var probe = await ProbeAsync(chain);

        Assert.Equal(LoginProbeStatus.Pass, probe.Status);
        Assert.Equal(3, Fixture.Requests(Services.Auth0).Count(r => r.Path == "/authorize"));
    }

    [Fact]
    public async Task Masking_keeps_every_other_parameter()
    {
        Assert.Equal("https://h/p?a=1&state=***&b=x%40y&nonce=***#f", Redaction.MaskQuery(new Uri("https://h/p?a=1&state=secret&b=x%40y&nonce=n#f")));
        await Task.CompletedTask;
    }
}
