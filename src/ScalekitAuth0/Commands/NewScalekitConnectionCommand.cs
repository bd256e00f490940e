using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Creates the Auth0 OpenID Connect enterprise connection that signs users in through Scalekit.",
        "Reads Scalekit's discovery document, then creates an Auth0 \"oidc\" connection of type back_channel with the discovery URL, the issuer and endpoints copied exactly from it, the Scalekit client id and secret, the scope as a space-separated string, and login_hint forwarded so Scalekit can route users by their email domain. Safe to run again: when a connection of that name already has these settings it is returned unchanged and nothing is written; when its settings differ the command fails with ScalekitConnectionExists unless -Force is given, which updates it. With -EnabledClient it then turns the connection on for those applications, as Enable-ScalekitConnection does; they are resolved before anything is created, so an unknown application name creates nothing.")]
    [CmdletExample("New-ScalekitConnection -Name scalekit", "Creates the connection 'scalekit' from the current Auth0 and Scalekit connections, or returns it if it is already set up.")]
    [CmdletExample("New-ScalekitConnection -Name scalekit -EnabledClient 'My App'", "Creates the connection (or finds it already set up) and makes sure it is enabled for the application 'My App'.")]
    [CmdletExample("New-ScalekitConnection -Name scalekit -DisplayName 'Company SSO' -HrdDomain acme.com, acme.co.uk -WhatIf", "Shows what would be created, sending no write request.")]
    [CmdletExample("New-ScalekitConnection -Name scalekit -Scope 'openid profile email offline_access' -Force", "Brings an existing connection named scalekit to these settings.")]
    [Cmdlet(VerbsCommon.New, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class NewScalekitConnectionCommand : ScalekitAuth0Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The Auth0 connection name: letters, digits and single hyphens, at most 128 characters. It cannot be changed later.")]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The button text on Auth0's Universal Login page. Default: the name.")]
        [ValidateLength(1, 128)]
        [ValidateText]
        public string? DisplayName { get; set; }

        [Parameter(HelpMessage = "Space-separated OIDC scopes Auth0 requests from Scalekit; must include openid. Default: 'openid profile email'.")]
        [ValidateText(MaxLength = 1000)]
        public string Scope { get; set; } = ScalekitConnectionSpec.DefaultScope;

        [Parameter(HelpMessage = "Shows the connection as a button on the login page; without it users reach it only through Home Realm Discovery.")]
        public SwitchParameter ShowAsButton { get; set; }

        [Parameter(HelpMessage = "Email domains Auth0's Home Realm Discovery sends to this connection.")]
        public string[] HrdDomain { get; set; } = new string[0];

        [Parameter(HelpMessage = "Auth0 applications to enable the connection for, by name as shown in the dashboard or by client id. Applications it is already enabled for are left alone.")]
        [ArgumentCompleter(typeof(ApplicationCompleter))]
        [ValidateNotNull]
        [ValidateText]
        public string[] EnabledClient { get; set; } = new string[0];

        /// <summary>Update a connection of that name whose settings differ, instead of failing; route domains that route everyone.</summary>
        [Parameter(HelpMessage = "Updates an existing connection of that name whose settings differ, instead of failing with ScalekitConnectionExists; also routes -HrdDomain domains that would send everyone to it (public mail providers, IP addresses), which are otherwise refused.")]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() => ForEachInput(Name, () =>
        {
            var spec = BuildSpec();
            if (!TryResolveEnabledClients(out var applications))
            {
                return;
            }
            var existing = Run(operation => Auth0Tenant.Client.FindConnectionByNameAsync(Name, operation));
            var connection = existing is null ? Create(spec, applications) : Converge(spec, existing);
            // Under -WhatIf an existing connection still shows which applications would be enabled;
            // one that would first be created says so in the create's own message.
            var target = connection ?? existing;
            var enabledClients = target is null || applications.Count == 0 ? null : Applications.Set(target, applications, enable: true);
            if (connection is not null)
            {
                WriteObject(ScalekitConnection.From(connection, Auth0Tenant, enabledClients is null ? null : Applications.Named(enabledClients)));
            }
        });

        /// <summary>
        /// The -EnabledClient applications, resolved before anything is written so a mistyped name
        /// creates nothing; false (after an error per bad name) when any of them failed. Kept for
        /// the next piped name, since -EnabledClient does not change between them.
        /// </summary>
        private bool TryResolveEnabledClients(out IReadOnlyList<Auth0Application> applications)
        {
            _enabledClients ??= EnabledClient.Length == 0 ? new Auth0Application[0] : Applications.Resolve(EnabledClient)?.For(EnabledClient);
            applications = _enabledClients ?? new Auth0Application[0];
            return _enabledClients is not null;
        }

        private IReadOnlyList<Auth0Application>? _enabledClients;

        private ConnectionApplications? _applications;

        private ConnectionApplications Applications => _applications ??= new ConnectionApplications(this, Work, Auth0Tenant, _ => { });

        private ScalekitConnectionSpec BuildSpec()
        {
            ConnectionName.RequireValid(Name, "Choose a name such as 'scalekit' or 'scalekit-sso'.");
            ScalekitConnectionSpec.RequireOpenId(Scope);
            var domains = HrdDomain.Select(d => RoutableDomainInput.Accept(this, d, nameof(HrdDomain), Force)).Distinct(StringComparer.Ordinal).ToArray();
            var discovery = Run(operation => ScalekitEnvironment.Client.GetDiscoveryAsync(operation));
            return new ScalekitConnectionSpec(Name, ScalekitEnvironment.EnvironmentUrl, discovery, ScalekitEnvironment.ClientId, ScalekitEnvironment.ClientSecret)
            {
                DisplayName = DisplayName,
                Scope = Scope,
                ShowAsButton = MyInvocation.BoundParameters.ContainsKey(nameof(ShowAsButton)) ? ShowAsButton.IsPresent : (bool?)null,
                HrdDomains = domains,
            };
        }

        private Auth0Connection? Create(ScalekitConnectionSpec spec, IReadOnlyList<Auth0Application> applications)
        {
            var enable = applications.Count == 0 ? "" : $", enabled for {string.Join(", ", applications)}";
            var route = spec.HrdDomains.Count == 0 ? "" : $", routing {spec.HrdDomains.Count} Home Realm Discovery domain(s): {ShownText.Few(spec.HrdDomains)}";
            if (!ShouldProcess($"Auth0 connection '{Name}' on {Auth0Tenant.Domain}", $"Create an OIDC connection to Scalekit {ScalekitEnvironment.EnvironmentUrl}{route}{enable}"))
            {
                return null;
            }
            try
            {
                return Run(operation => Auth0Tenant.Client.CreateConnectionAsync(spec.CreateBody(), operation));
            }
            catch (ApiException e) when (e.Kind == ApiErrorKind.Conflict)
            {
                // Another command created it since our look-up (three runbooks starting at once): as a
                // re-run would, return it when its settings match.
                var created = Run(operation => Auth0Tenant.Client.FindConnectionByNameAsync(Name, operation));
                if (created is null)
                {
                    throw;
                }
                WriteVerbose($"Connection '{Name}' was created by another command meanwhile ({e.Message}); comparing its settings.");
                return Converge(spec, created);
            }
            catch (ApiException e) when (e.OutcomeUnknown)
            {
                // The create may have happened without our hearing of it: look before sending it again,
                // so a connection is never created twice.
                WriteVerbose($"The create of '{Name}' got no clear answer ({e.Message}); looking it up by name.");
                var found = Run(operation => Auth0Tenant.Client.FindConnectionByNameAsync(Name, operation));
                return found ?? Run(operation => Auth0Tenant.Client.CreateConnectionAsync(spec.CreateBody(), operation));
            }
        }

        private Auth0Connection? Converge(ScalekitConnectionSpec spec, Auth0Connection existing)
        {
            if (existing.Strategy == "oidc")
            {
                existing.RequireOptions(", so its settings cannot be compared");
            }
            var differences = spec.Differences(existing);
            if (differences.Count == 0)
            {
                WriteVerbose($"Connection '{Name}' already has these settings; nothing to change.");
                return existing;
            }
            if (!Force || existing.Strategy != "oidc")
            {
                throw new ScalekitAuth0Exception("ScalekitConnectionExists", ApiErrorKind.Conflict,
                    $"Auth0 connection '{Name}' ({existing.Id}) already exists with other settings: {string.Join(", ", differences)}.",
                    existing.Strategy == "oidc"
                        ? "Pass -Force to update it to these settings, change it with Set-ScalekitConnection, or choose another -Name."
                        : "Choose another -Name: this one belongs to a connection of another kind.");
            }
            return ShouldProcess($"Auth0 connection '{Name}' on {Auth0Tenant.Domain}", $"Update {string.Join(", ", differences)}")
                ? Run(operation => new ConnectionEditor(Auth0Tenant.Client).ApplyAsync(existing.Id, spec, operation))
                : null;
        }
    }
}
