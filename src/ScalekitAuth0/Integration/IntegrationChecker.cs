using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Http;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Integration
{
    /// <summary>One check: its stable name, and the work that makes it.</summary>
    internal sealed class IntegrationCheckStep
    {
        internal IntegrationCheckStep(string name, Func<Operation, Task<IntegrationCheck>> run)
        {
            Name = name;
            Run = run;
        }

        public string Name { get; }

        /// <summary>Throws <see cref="ApiException"/> or <see cref="ScalekitAuth0Exception"/> when the check cannot be made.</summary>
        public Func<Operation, Task<IntegrationCheck>> Run { get; }
    }

    /// <summary>
    /// Everything that must hold for a user to sign in through Scalekit by Auth0 connection, each
    /// checked against what the two services hold now. Reads only. What several checks need (the
    /// tenant's connections, Scalekit's discovery document, its organizations' domains) is read once,
    /// and a read that failed fails every check that needs it with the same error, without asking again.
    /// </summary>
    internal sealed class IntegrationChecker
    {
        public const string Discovery = "Discovery";
        public const string ConnectionSettings = "ConnectionSettings";
        public const string ClientSecret = "ClientSecret";
        public const string RedirectUris = "RedirectUris";
        public const string EnabledApplications = "EnabledApplications";
        public const string OrganizationDomainsRouted = "OrganizationDomainsRouted";
        public const string HrdDomainsOwned = "HrdDomainsOwned";
        public const string DomainConflicts = "DomainConflicts";
        public const string LoginPrompt = "LoginPrompt";
        public const string OrganizationSso = "OrganizationSso";

        private readonly Auth0Client _auth0;
        private readonly ScalekitClient _scalekit;
        private readonly string _name;
        private Task<HrdDomainRoutes>? _routes;
        private Task<OidcDiscovery>? _discovery;
        private Task<IReadOnlyDictionary<string, ScalekitOrganization>>? _owners;

        public IntegrationChecker(Auth0Client auth0, ScalekitClient scalekit, string connectionName)
        {
            _auth0 = auth0;
            _scalekit = scalekit;
            _name = connectionName;
            Steps = new[]
            {
                new IntegrationCheckStep(Discovery, CheckDiscoveryAsync),
                new IntegrationCheckStep(ConnectionSettings, CheckSettingsAsync),
                new IntegrationCheckStep(ClientSecret, CheckSecretAsync),
                new IntegrationCheckStep(RedirectUris, CheckRedirectUrisAsync),
                new IntegrationCheckStep(EnabledApplications, CheckEnabledApplicationsAsync),
                new IntegrationCheckStep(LoginPrompt, CheckLoginPromptAsync),
                new IntegrationCheckStep(OrganizationDomainsRouted, CheckOrganizationDomainsRoutedAsync),
                new IntegrationCheckStep(HrdDomainsOwned, CheckHrdDomainsOwnedAsync),
                new IntegrationCheckStep(DomainConflicts, CheckDomainConflictsAsync),
                new IntegrationCheckStep(OrganizationSso, CheckOrganizationSsoAsync),
            };
        }

        /// <summary>In the order a login meets them.</summary>
        public IReadOnlyList<IntegrationCheckStep> Steps { get; }

        /// <summary>How many domains a Fix names on its command line.</summary>
        private const int FewDomains = 3;

        private string ForceFix => $"New-ScalekitConnection -Name '{_name}' -Force";

        private async Task<IntegrationCheck> CheckDiscoveryAsync(Operation operation)
        {
            var discovery = await DiscoveryAsync(operation).ConfigureAwait(false);
            var issuer = (await ConnectionAsync(operation).ConfigureAwait(false)).Option("issuer");
            return issuer == discovery.Issuer
                ? Pass(Discovery, $"{discovery.DiscoveryUrl} answered; its issuer {discovery.Issuer} is the connection's.")
                : Fail(Discovery, $"The connection's issuer is '{issuer}', but {discovery.DiscoveryUrl} says '{discovery.Issuer}': Auth0 would reject every ID token Scalekit signs.", ForceFix);
        }

        private async Task<IntegrationCheck> CheckSettingsAsync(Operation operation)
        {
            var connection = await ConnectionAsync(operation).ConfigureAwait(false);
            var type = connection.Option("type");
            var scope = connection.Option("scope") ?? "";
            if (connection.Strategy != "oidc")
            {
                return Fail(ConnectionSettings, $"The connection's strategy is '{connection.Strategy}', not oidc: it is not a Scalekit connection.", $"New-ScalekitConnection -Name '<another name>'");
            }
            if (type != "back_channel")
            {
                return Fail(ConnectionSettings, $"The connection's type is '{type}', not back_channel: Auth0 would not exchange the authorization code with Scalekit.", ForceFix);
            }
            if (!ScalekitConnectionSpec.IncludesOpenId(scope))
            {
                return Fail(ConnectionSettings, $"The connection's scope '{scope}' lacks openid, so Scalekit returns no ID token.", $"Set-ScalekitConnection -Name '{_name}' -Scope '{("openid " + scope).Trim()}'");
            }
            var summary = $"oidc, back_channel, scope '{scope}'";
            return ScalekitConnection.From(connection, null).ForwardsLoginHint
                ? Pass(ConnectionSettings, summary + ", login_hint forwarded.")
                : Warn(ConnectionSettings, summary + ", but login_hint is not forwarded: Scalekit cannot route users by their email domain and asks them again.", ForceFix);
        }

        private async Task<IntegrationCheck> CheckSecretAsync(Operation operation)
        {
            var connection = await ConnectionAsync(operation).ConfigureAwait(false);
            var fix = $"Set-ScalekitConnection -Name '{_name}' -ClientSecret (Read-Host -AsSecureString 'Scalekit client secret')";
            var clientId = connection.Option("client_id");
            var stored = connection.Option("client_secret");
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(stored))
            {
                return Fail(ClientSecret, "The connection holds no Scalekit client id or client secret.", fix);
            }
            // Wrapped at once: the secret is only ever read again to write the token request.
            var refusal = await _scalekit.CredentialsRefusalAsync(clientId!, Secret.Protect(stored!), operation).ConfigureAwait(false);
            return refusal is null
                ? Pass(ClientSecret, $"Scalekit's token endpoint accepted the connection's client secret for {clientId}.")
                : Fail(ClientSecret, $"Scalekit's token endpoint refused the connection's client secret for {clientId}: {refusal}. Every login would fail after the user signs in.", fix);
        }

        private async Task<IntegrationCheck> CheckRedirectUrisAsync(Operation operation)
        {
            var connection = await ConnectionAsync(operation).ConfigureAwait(false);
            var clientId = connection.Option("client_id");
            if (string.IsNullOrEmpty(clientId))
            {
                return Fail(RedirectUris, "The connection names no Scalekit client (options.client_id), so no redirect URI can be checked.", ForceFix);
            }
            var callbacks = await _auth0.GetCallbackUrlsAsync(operation).ConfigureAwait(false);
            var client = await _scalekit.GetClientAsync(clientId!, operation).ConfigureAwait(false);
            var allowed = new HashSet<string>(client.RedirectUris.Select(u => u.Trim()), StringComparer.Ordinal);
            var missing = callbacks.Select(c => c.Url).Where(url => !allowed.Contains(url)).ToList();
            return missing.Count == 0
                ? Pass(RedirectUris, $"Scalekit client {clientId} allows all {callbacks.Count} Auth0 callback URL(s).")
                : Fail(RedirectUris, $"Scalekit client {clientId} does not allow {ShownText.Few(missing)}: logins started there fail with invalid_redirect_uri.",
                    $"Get-ScalekitConnection -Name '{_name}' | Sync-ScalekitRedirectUri");
        }

        private async Task<IntegrationCheck> CheckEnabledApplicationsAsync(Operation operation)
        {
            var connection = await ConnectionAsync(operation).ConfigureAwait(false);
            var enabled = await _auth0.GetEnabledClientIdsAsync(connection.Id, operation).ConfigureAwait(false);
            return enabled.Count > 0
                ? Pass(EnabledApplications, $"Enabled for {enabled.Count} application(s): {ShownText.Few(enabled)}.")
                : Fail(EnabledApplications, "The connection is enabled for no application, so no login can use it.",
                    $"Enable-ScalekitConnection -Name '{_name}' -Application '<application name>'");
        }

        /// <summary>Auth0 routes by email domain only with Identifier First on the New Universal Login.</summary>
        private async Task<IntegrationCheck> CheckLoginPromptAsync(Operation operation)
        {
            var routed = (await ConnectionAsync(operation).ConfigureAwait(false)).DomainAliases.Length;
            Auth0LoginPrompt prompt;
            try
            {
                prompt = await _auth0.GetLoginPromptAsync(operation).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.IsInsufficientScope)
            {
                return Warn(LoginPrompt, $"Not checked: the Auth0 token lacks the {Auth0Client.PromptsReadScope} scope, so whether Identifier First is on (without it Home Realm Discovery routes nobody) cannot be read.",
                    $"Grant {Auth0Client.PromptsReadScope} to the Auth0 application, then run Connect-Auth0 again.");
            }
            if (routed == 0)
            {
                return Pass(LoginPrompt, $"The connection routes no domain, so Identifier First (now {(prompt.IdentifierFirst ? "on" : "off")}) is not needed.");
            }
            if (prompt.UniversalLoginExperience != Auth0LoginPrompt.NewExperience)
            {
                return Fail(LoginPrompt, $"The tenant uses the {prompt.UniversalLoginExperience} login experience: Auth0 routes none of the connection's {routed} domain(s) by email.",
                    "Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new");
            }
            return prompt.IdentifierFirst
                ? Pass(LoginPrompt, $"Identifier First is on the New Universal Login, so Auth0 routes users by email domain.")
                : Fail(LoginPrompt, $"Identifier First is off: the login page asks for a password at once and routes none of the connection's {routed} domain(s) by email.", "Set-Auth0LoginPrompt -IdentifierFirst");
        }

        /// <summary>A routed domain whose customer has no active SSO connection ends at Scalekit's no_active_connections.</summary>
        private async Task<IntegrationCheck> CheckOrganizationSsoAsync(Operation operation)
        {
            var routed = Routed(await ConnectionAsync(operation).ConfigureAwait(false));
            var owners = await OwnersAsync(operation).ConfigureAwait(false);
            var organizations = owners.Where(pair => routed.Contains(pair.Key)).Select(pair => pair.Value)
                .GroupBy(o => o.Id, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(o => o.DisplayName, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
            var lacking = await _scalekit.WithoutActiveSsoAsync(organizations, operation).ConfigureAwait(false);
            if (lacking.Count == 0)
            {
                return Pass(OrganizationSso, $"Each of the {organizations.Count} organization(s) whose domains are routed has an active SSO connection in Scalekit.");
            }
            // Each one is named: every customer here has users who cannot sign in yet.
            var fix = lacking.Count == 1
                ? $"New-ScalekitPortalLink -Organization '{lacking[0].Id}' -Feature sso"
                : string.Join(", ", lacking.Select(o => $"'{o.Id}'")) + " | New-ScalekitPortalLink -Feature sso";
            return Warn(OrganizationSso, $"No active SSO connection in Scalekit for {string.Join(", ", lacking.Select(o => $"{o.DisplayName} ({o.Id})"))}: their users end at Scalekit's no_active_connections until the customer's IT admin sets one up in the Admin Portal (hand them the portal link).",
                fix);
        }

        private async Task<IntegrationCheck> CheckOrganizationDomainsRoutedAsync(Operation operation)
        {
            var routed = Routed(await ConnectionAsync(operation).ConfigureAwait(false));
            var owners = await OwnersAsync(operation).ConfigureAwait(false);
            var unrouted = owners.Where(pair => !routed.Contains(pair.Key)).Select(pair => $"{pair.Key} ({pair.Value.DisplayName})").ToList();
            return unrouted.Count == 0
                ? Pass(OrganizationDomainsRouted, $"All {owners.Count} Scalekit organization domain(s) are Home Realm Discovery domains of the connection.")
                : Fail(OrganizationDomainsRouted, $"Auth0 does not send users of {ShownText.Few(unrouted)} to the connection, though a Scalekit organization owns the domain.",
                    $"Sync-HrdDomain -ConnectionName '{_name}'");
        }

        private async Task<IntegrationCheck> CheckHrdDomainsOwnedAsync(Operation operation)
        {
            var connection = await ConnectionAsync(operation).ConfigureAwait(false);
            var owners = await OwnersAsync(operation).ConfigureAwait(false);
            var unowned = connection.DomainAliases.Where(alias => !owners.ContainsKey(DomainName.Comparable(alias))).ToList();
            return unowned.Count == 0
                ? Pass(HrdDomainsOwned, $"Each of the connection's {connection.DomainAliases.Length} Home Realm Discovery domain(s) belongs to a Scalekit organization.")
                : Fail(HrdDomainsOwned, $"No Scalekit organization owns {ShownText.Few(unowned)}: Auth0 sends these users to Scalekit, which has no identity provider for them. Register each on its customer's organization (Add-HrdDomain -Organization), or stop routing them.",
                    // A few are named; many would make a command line nobody reads, so the fix stops routing them all.
                    unowned.Count <= FewDomains
                        ? $"Add-HrdDomain -ConnectionName '{_name}' -Domain {string.Join(", ", unowned.Select(d => $"'{d}'"))} -Organization '<organization id or external id>'"
                        : $"Sync-HrdDomain -ConnectionName '{_name}' -Prune");
        }

        private async Task<IntegrationCheck> CheckDomainConflictsAsync(Operation operation)
        {
            await ConnectionAsync(operation).ConfigureAwait(false);
            var routes = await RoutesAsync(operation).ConfigureAwait(false);
            var conflicts = routes.Connections
                .SelectMany(c => c.DomainAliases.Select(alias => (Domain: DomainName.Comparable(alias), Connection: c.Name)))
                .GroupBy(route => route.Domain, StringComparer.Ordinal)
                .Select(group => (Domain: group.Key, Connections: group.Select(r => r.Connection).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList()))
                .Where(conflict => conflict.Connections.Count > 1)
                .ToList();
            if (conflicts.Count == 0)
            {
                return Pass(DomainConflicts, $"No domain is routed by two of the tenant's {routes.Connections.Count} connection(s).");
            }
            var first = conflicts[0];
            var other = first.Connections.FirstOrDefault(c => c != _name) ?? first.Connections[0];
            // Taking the domain off another kind of connection (Okta, Google) is what the user asked for here.
            var force = routes.Connections.Any(c => c.Name == other && !ScalekitOwnership.PointsAtScalekit(c, _scalekit.Environment)) ? " -Force" : "";
            return Fail(DomainConflicts, $"Routed by more than one connection, so Auth0 sends these users to either: {ShownText.Few(conflicts.Select(c => $"{c.Domain} ({string.Join(", ", c.Connections)})").ToList())}.",
                $"Remove-HrdDomain -ConnectionName '{other}' -Domain '{first.Domain}'{force}");
        }

        /// <summary>The connection, with its options: without them nothing about Scalekit can be checked.</summary>
        private async Task<Auth0Connection> ConnectionAsync(Operation operation)
        {
            var routes = await RoutesAsync(operation).ConfigureAwait(false);
            var connection = routes.Connections.FirstOrDefault(c => string.Equals(c.Name, _name, StringComparison.Ordinal))
                ?? throw new ScalekitAuth0Exception("ScalekitConnectionNotFound", ApiErrorKind.NotFound,
                    $"There is no Auth0 connection named '{_name}'.",
                    $"New-ScalekitConnection -Name '{_name}' -EnabledClient '<application name>'");
            connection.RequireOptions(": the token lacks the read:connections_options scope");
            return connection;
        }

        private Task<HrdDomainRoutes> RoutesAsync(Operation operation) => _routes ??= HrdDomainRoutes.ReadAsync(_auth0, operation);

        private Task<OidcDiscovery> DiscoveryAsync(Operation operation) => _discovery ??= _scalekit.GetDiscoveryAsync(operation);

        private Task<IReadOnlyDictionary<string, ScalekitOrganization>> OwnersAsync(Operation operation) =>
            _owners ??= _scalekit.ListAllOrganizationDomainsAsync((done, total) => { }, operation);

        private static HashSet<string> Routed(Auth0Connection connection) =>
            new HashSet<string>(connection.DomainAliases.Select(DomainName.Comparable), StringComparer.Ordinal);

        private IntegrationCheck Pass(string check, string detail) => new IntegrationCheck(_name, check, IntegrationStatus.Pass, detail);

        private IntegrationCheck Warn(string check, string detail, string fix) => new IntegrationCheck(_name, check, IntegrationStatus.Warn, detail, fix);

        private IntegrationCheck Fail(string check, string detail, string fix) => new IntegrationCheck(_name, check, IntegrationStatus.Fail, detail, fix);
    }
}
