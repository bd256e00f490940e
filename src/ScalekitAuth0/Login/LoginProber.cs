using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Integration;
using ScalekitAuth0.Http;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Login
{
    /// <summary>
    /// Walks the login of email addresses through an Auth0 connection the way a browser would, and
    /// says where each would stop. First the settings that route the address (read through the
    /// Management API, once per command however many addresses come); then Auth0's /authorize and
    /// Scalekit's /oauth/authorize as plain GETs with no token, no cookie and no redirect followed by
    /// the transport, so each hop is seen and judged. It never follows the hop to the customer's
    /// identity provider, and never writes anything.
    /// </summary>
    internal sealed class LoginProber
    {
        /// <summary>Redirects within one service's own host before the probe calls it a loop; a real login needs one or two.</summary>
        internal const int MaxHopsPerService = 4;

        /// <summary>Each hop is a page load: a browser gives up long before the API timeout.</summary>
        internal static readonly TimeSpan HopTimeout = TimeSpan.FromSeconds(15);

        /// <summary>
        /// Auth0 counts /authorize against its Authentication API limits, which are far lower than
        /// the Management API's; probing every routed domain of a large tenant at this pace stays inside them.
        /// </summary>
        internal static readonly TimeSpan AuthorizeInterval = TimeSpan.FromMilliseconds(200);

        private readonly Auth0Client _auth0;
        private readonly ScalekitClient _scalekit;
        private readonly string? _application;
        private readonly Pacer _pacer = new Pacer(AuthorizeInterval);
        private Task<HrdDomainRoutes>? _routes;
        private Task<Auth0LoginPrompt?>? _prompt;
        private Task<IReadOnlyList<Auth0Application>>? _applications;
        private readonly Dictionary<string, Task<IReadOnlyList<string>>> _enabled = new Dictionary<string, Task<IReadOnlyList<string>>>(StringComparer.Ordinal);
        private Task<IReadOnlyList<Auth0CallbackUrl>>? _callbacks;
        private Task<IReadOnlyDictionary<string, ScalekitOrganization>>? _owners;

        /// <param name="application">The application's name or client id; null for the first one the connection is enabled for that has a callback.</param>
        public LoginProber(Auth0Client auth0, ScalekitClient scalekit, string? application)
        {
            _auth0 = auth0;
            _scalekit = scalekit;
            _application = application;
        }

        private string Tenant => _auth0.Transport.BaseUri.IsDefaultPort ? _auth0.Transport.BaseUri.Host : _auth0.Transport.BaseUri.Authority;

        /// <summary>The application -Application names; an error naming the input when it names no single one.</summary>
        public async Task<Auth0Application?> ResolveApplicationAsync(Operation operation)
        {
            if (_application is null)
            {
                return null;
            }
            var resolution = ApplicationResolution.Resolve(new[] { _application }, await ApplicationsAsync(operation).ConfigureAwait(false));
            if (resolution.Failures.Count > 0)
            {
                throw resolution.Failures[0].Error;
            }
            return resolution.For(new[] { _application })[0];
        }

        /// <param name="email">An address already checked: one '@', a domain in its normal form.</param>
        public async Task<ScalekitLoginProbe> ProbeAsync(string email, string connectionName, Operation operation)
        {
            var walk = new Walk(this, email, connectionName);
            try
            {
                return await walk.RunAsync(operation).ConfigureAwait(false);
            }
            catch (ApiException e) when (walk.Stage != LoginProbeStage.Routing)
            {
                // A hop that got no answer at all (after the transport's retries) is where the login stops.
                return walk.Fail($"{e.Message}. A browser would show an error here.", "Run the probe again; if it keeps failing, check that the host answers from this network.");
            }
        }

        private Task<HrdDomainRoutes> RoutesAsync(Operation operation) => _routes ??= HrdDomainRoutes.ReadAsync(_auth0, operation);

        private Task<IReadOnlyList<Auth0Application>> ApplicationsAsync(Operation operation) => _applications ??= ListApplicationsAsync(operation);

        private Task<IReadOnlyList<string>> EnabledAsync(string connectionId, Operation operation)
        {
            lock (_enabled)
            {
                return _enabled.TryGetValue(connectionId, out var read) ? read : _enabled[connectionId] = _auth0.GetEnabledClientIdsAsync(connectionId, operation);
            }
        }

        private Task<IReadOnlyList<Auth0CallbackUrl>> CallbacksAsync(Operation operation) => _callbacks ??= _auth0.GetCallbackUrlsAsync(operation);

        private Task<IReadOnlyDictionary<string, ScalekitOrganization>> OwnersAsync(Operation operation) =>
            _owners ??= _scalekit.ListAllOrganizationDomainsAsync((done, total) => { }, operation);

        /// <summary>Null, after one warning, when the token may not read the prompt settings: the rest of the login can still be probed.</summary>
        private Task<Auth0LoginPrompt?> PromptAsync(Operation operation) => _prompt ??= ReadPromptAsync(operation);

        private async Task<Auth0LoginPrompt?> ReadPromptAsync(Operation operation)
        {
            try
            {
                return await _auth0.GetLoginPromptAsync(operation).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.IsInsufficientScope)
            {
                operation.Log.Warning($"The Auth0 token lacks the {Auth0Client.PromptsReadScope} scope, so the probes cannot tell whether Identifier First is on; without it no user is routed by email domain. Grant {Auth0Client.PromptsReadScope}, then run Connect-Auth0 again.");
                return null;
            }
        }

        private async Task<IReadOnlyList<Auth0Application>> ListApplicationsAsync(Operation operation)
        {
            var applications = new List<Auth0Application>();
            await _auth0.ListApplicationsAsync(applications.AddRange, operation).ConfigureAwait(false);
            return applications;
        }

        private static string RandomState()
        {
            var bytes = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            return string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private static bool SameHost(Uri a, Uri b) => string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase) && a.Scheme == b.Scheme;

        private static bool SameEndpoint(Uri a, Uri b) => SameHost(a, b) && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

        /// <summary>The probe of one address: what it found so far, and the hops it made.</summary>
        private sealed class Walk
        {
            private readonly LoginProber _prober;
            private readonly string _email;
            private readonly string _domain;
            private readonly List<LoginProbeHop> _hops = new List<LoginProbeHop>();
            private string _application = "";

            public Walk(LoginProber prober, string email, string connectionName)
            {
                _prober = prober;
                _email = email;
                _domain = email.Substring(email.LastIndexOf('@') + 1);
                Name = connectionName;
            }

            public LoginProbeStage Stage { get; private set; } = LoginProbeStage.Routing;

            private string Name { get; }

            private string ForceFix => $"New-ScalekitConnection -Name '{Name}' -Force";

            public async Task<ScalekitLoginProbe> RunAsync(Operation operation)
            {
                var routes = await _prober.RoutesAsync(operation).ConfigureAwait(false);
                var routing = routes.Connections.Where(c => c.DomainAliases.Select(DomainName.Comparable).Contains(_domain, StringComparer.Ordinal)).ToList();
                var connection = routes.Connections.FirstOrDefault(c => string.Equals(c.Name, Name, StringComparison.Ordinal));
                if (connection is null)
                {
                    return Fail($"The tenant has no connection named '{Name}'.", $"New-ScalekitConnection -Name '{Name}' -EnabledClient '<application name>'");
                }
                if (connection.Options is null)
                {
                    return Fail($"Auth0 returned connection '{Name}' without its options: the token lacks the read:connections_options scope, so its domains cannot be read.",
                        "Grant read:connections_options to the Auth0 application, then run Connect-Auth0 again.");
                }
                if (routing.Count == 0)
                {
                    return Fail($"No connection of the tenant routes {_domain}: Auth0 would ask {_email} for a password instead of sending them to Scalekit.",
                        $"Add-HrdDomain -ConnectionName '{Name}' -Domain '{_domain}' -Organization '<organization id or external id>'");
                }
                if (!routing.Any(c => c.Id == connection.Id))
                {
                    var other = routing[0].Name;
                    return Fail($"{_domain} is routed to connection '{other}', not to '{Name}': Auth0 would send {_email} there.", $"Remove-HrdDomain -ConnectionName '{other}' -Domain '{_domain}'");
                }
                var prompt = await _prober.PromptAsync(operation).ConfigureAwait(false);
                if (prompt is not null && prompt.UniversalLoginExperience != Auth0LoginPrompt.NewExperience)
                {
                    return Fail($"The tenant uses the {prompt.UniversalLoginExperience} login experience, on which Auth0 routes nobody by email domain.", "Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new");
                }
                if (prompt is not null && !prompt.IdentifierFirst)
                {
                    return Fail($"Identifier First is off, so the login page asks for a password at once and never sends {_email} to '{Name}' by domain.", "Set-Auth0LoginPrompt -IdentifierFirst");
                }
                var application = await ApplicationAsync(connection, operation).ConfigureAwait(false);
                if (application is null)
                {
                    return Failed;
                }
                _application = application.Name;
                var callback = application.Callbacks.FirstOrDefault(IsLiteralUrl);
                if (callback is null)
                {
                    Stage = LoginProbeStage.Auth0;
                    return Fail($"Application '{application.Name}' allows no callback URL, so Auth0 has nowhere to send a login back to.",
                        $"Add the application's callback URL under Allowed Callback URLs of '{application.Name}' in the Auth0 dashboard (Applications > {application.Name} > Settings).");
                }
                return await AuthorizeAsync(connection, application, new Uri(callback), operation).ConfigureAwait(false);
            }

            /// <summary>-Application when given; else the first application the connection is enabled for that has a callback.</summary>
            private async Task<Auth0Application?> ApplicationAsync(Auth0Connection connection, Operation operation)
            {
                var enabled = await _prober.EnabledAsync(connection.Id, operation).ConfigureAwait(false);
                var given = await _prober.ResolveApplicationAsync(operation).ConfigureAwait(false);
                if (given is not null)
                {
                    if (!enabled.Contains(given.ClientId, StringComparer.Ordinal))
                    {
                        _application = given.Name;
                        Fail($"Connection '{Name}' is not enabled for application '{given.Name}', so Auth0 would not offer it to that application's users.",
                            $"Enable-ScalekitConnection -Name '{Name}' -Application '{given.Name}'");
                        return null;
                    }
                    return given;
                }
                var applications = await _prober.ApplicationsAsync(operation).ConfigureAwait(false);
                var candidates = enabled.Select(id => applications.FirstOrDefault(a => a.ClientId == id)).Where(a => a is not null).Select(a => a!).ToList();
                if (candidates.Count == 0)
                {
                    Fail($"Connection '{Name}' is enabled for no application, so no login can use it.", $"Enable-ScalekitConnection -Name '{Name}' -Application '<application name>'");
                    return null;
                }
                return candidates.FirstOrDefault(a => a.Callbacks.Any(IsLiteralUrl)) ?? candidates[0];
            }

            private async Task<ScalekitLoginProbe> AuthorizeAsync(Auth0Connection connection, Auth0Application application, Uri callback, Operation operation)
            {
                Stage = LoginProbeStage.Auth0;
                var auth0 = _prober._auth0.Transport;
                var start = new Uri(auth0.BaseUri, "authorize?" + string.Join("&", new[]
                {
                    ("response_type", "code"), ("client_id", application.ClientId), ("redirect_uri", callback.AbsoluteUri),
                    ("connection", Name), ("login_hint", _email), ("scope", "openid"), ("state", RandomState()),
                }.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2))));
                await _prober._pacer.WaitAsync(operation.Cancellation).ConfigureAwait(false);
                var (answer, location) = await FollowAsync(auth0, start, operation).ConfigureAwait(false);
                if (answer is null)
                {
                    return Failed;
                }
                if (location is null)
                {
                    var error = LoginPage.ErrorCode(answer.Body);
                    var mismatch = answer.Body.IndexOf("callback url mismatch", StringComparison.OrdinalIgnoreCase) >= 0;
                    return Fail($"Auth0 answered {answer.Status} with a page instead of sending the browser on: {LoginPage.Summary(answer.Body)}",
                        mismatch ? $"Add '{callback}' under Allowed Callback URLs of '{application.Name}' in the Auth0 dashboard (Applications > {application.Name} > Settings)." : Auth0Fix(error));
                }
                if (SameEndpoint(location, callback))
                {
                    var query = LoginPage.Query(location);
                    query.TryGetValue("error", out var error);
                    query.TryGetValue("error_description", out var description);
                    return Fail($"Auth0 sent the browser back to the application with error={error ?? "(none)"}: {description}", Auth0Fix(description ?? error));
                }
                var endpoint = connection.Option("authorization_endpoint");
                if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var expected) || !SameEndpoint(location, expected))
                {
                    return Fail($"Auth0 sent the browser to {location.GetLeftPart(UriPartial.Path)}, not to the connection's authorization endpoint {endpoint}.", ForceFix);
                }
                var upstream = LoginPage.Query(location);
                if (!upstream.TryGetValue("login_hint", out var hint) || !string.Equals(hint, _email, StringComparison.OrdinalIgnoreCase))
                {
                    return Fail($"Auth0 sent the browser to Scalekit without {_email} as login_hint, so Scalekit cannot tell which customer the user belongs to.", ForceFix);
                }
                var callbacks = await _prober.CallbacksAsync(operation).ConfigureAwait(false);
                upstream.TryGetValue("redirect_uri", out var returnTo);
                if (!callbacks.Any(c => c.Url == returnTo))
                {
                    return Fail($"Auth0 asked Scalekit to send the user back to '{returnTo}', which is none of the tenant's callback URLs ({string.Join(", ", callbacks.Select(c => c.Url))}).", "Get-Auth0CallbackUrl");
                }
                return await ScalekitAsync(location, operation).ConfigureAwait(false);
            }

            private async Task<ScalekitLoginProbe> ScalekitAsync(Uri authorize, Operation operation)
            {
                Stage = LoginProbeStage.Scalekit;
                var (answer, location) = await FollowAsync(_prober._scalekit.Transport, authorize, operation).ConfigureAwait(false);
                if (answer is null)
                {
                    return Failed;
                }
                var auth0 = _prober._auth0.Transport.BaseUri;
                var callbacks = await _prober.CallbacksAsync(operation).ConfigureAwait(false);
                if (location is not null && (SameHost(location, auth0) || callbacks.Any(c => SameEndpoint(location, new Uri(c.Url)))))
                {
                    var query = LoginPage.Query(location);
                    if (!query.TryGetValue("error", out var error))
                    {
                        return Fail("Scalekit sent the browser straight back to Auth0 without asking any identity provider.", "");
                    }
                    query.TryGetValue("error_description", out var description);
                    return Fail($"Scalekit sent the browser back to Auth0 with error={error}: {description}", await ScalekitFixAsync(error, operation).ConfigureAwait(false));
                }
                var identityProvider = location ?? (answer.Status == 200 ? LoginPage.FormPostTarget(answer.Body) : null);
                if (identityProvider is null || SameHost(identityProvider, authorize))
                {
                    var error = LoginPage.ErrorCode(answer.Body);
                    return Fail($"Scalekit answered {answer.Status} with a page instead of sending the browser on: {LoginPage.Summary(answer.Body)}",
                        error is null ? "" : await ScalekitFixAsync(error, operation).ConfigureAwait(false));
                }
                Stage = LoginProbeStage.IdentityProvider;
                var how = location is null ? "a form that posts a SAML request" : "a redirect";
                return Result(LoginProbeStatus.Pass,
                    $"A browser starting at Auth0 with {_email} reaches the identity provider at {identityProvider.Host} ({how}); the probe stops there.", "", identityProvider.Host);
            }

            /// <summary>
            /// GETs the URL and the redirects that stay on its host: the answer that leaves the host
            /// (or does not redirect) and its absolute Location. Null, after a Fail, for a redirect
            /// without Location, a loop, or more hops than a login needs.
            /// </summary>
            private async Task<(PageAnswer? Answer, Uri? Location)> FollowAsync(ApiTransport transport, Uri url, Operation operation)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var hop = 1; hop <= MaxHopsPerService; hop++)
                {
                    seen.Add(url.AbsoluteUri);
                    var answer = await transport.GetPageAsync(url, HopTimeout, operation).ConfigureAwait(false);
                    _hops.Add(new LoginProbeHop("GET", Redaction.MaskQuery(url), answer.Status, answer.Location is null ? "" : Redaction.MaskQuery(answer.Location)));
                    if (!answer.IsRedirect)
                    {
                        return (answer, null);
                    }
                    if (answer.Location is null)
                    {
                        Fail($"{transport.Service} answered {answer.Status} without a Location to go to.", "");
                        return (null, null);
                    }
                    if (!SameHost(answer.Location, url))
                    {
                        return (answer, answer.Location);
                    }
                    if (seen.Contains(answer.Location.AbsoluteUri))
                    {
                        Fail($"{transport.Service} redirects in a loop: {Redaction.MaskQuery(answer.Location)} was already visited.", "");
                        return (null, null);
                    }
                    url = answer.Location;
                }
                Fail($"{transport.Service} redirected more than {MaxHopsPerService} times on its own host; a browser would give up.", "");
                return (null, null);
            }

            private string Auth0Fix(string? error) =>
                error is not null && error.IndexOf("not enabled", StringComparison.OrdinalIgnoreCase) >= 0
                    ? $"Enable-ScalekitConnection -Name '{Name}' -Application '{_application}'"
                    : "";

            private async Task<string> ScalekitFixAsync(string error, Operation operation)
            {
                switch (error)
                {
                    case "invalid_redirect_uri":
                        return $"Get-ScalekitConnection -Name '{Name}' | Sync-ScalekitRedirectUri";
                    case "domain_not_found":
                    case "invalid_user_domain":
                        return $"Add-HrdDomain -ConnectionName '{Name}' -Domain '{_domain}' -Organization '<organization id or external id>'";
                    case "no_active_connections":
                    case "connection_not_active":
                        var owners = await _prober.OwnersAsync(operation).ConfigureAwait(false);
                        var organization = owners.TryGetValue(_domain, out var owner) ? owner.Id : "<organization id>";
                        return $"New-ScalekitPortalLink -Organization '{organization}' -Feature sso";
                    default:
                        return "";
                }
            }

            private static bool IsLiteralUrl(string url) =>
                url.IndexOf('*') < 0 && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);

            /// <summary>The Fail recorded by a step that returned nothing.</summary>
            private ScalekitLoginProbe Failed => _failure ?? throw new InvalidOperationException("No failure was recorded.");

            private ScalekitLoginProbe? _failure;

            public ScalekitLoginProbe Fail(string detail, string fix) => _failure = Result(LoginProbeStatus.Fail, detail, fix, "");

            private ScalekitLoginProbe Result(LoginProbeStatus status, string detail, string fix, string identityProvider) =>
                new ScalekitLoginProbe(_email, Name, _application, Stage, status, detail, fix, identityProvider, _hops.ToList(), _prober.Tenant);
        }
    }
}
