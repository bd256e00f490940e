using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Changes the display name, scope, login button or client secret of a connection.",
        "Reads the connection, changes only what is given, and writes the whole options object back with the display name, because Auth0 replaces options wholesale and resets an absent display name. Writes nothing when nothing differs.")]
    [CmdletExample("Set-ScalekitConnection -Name scalekit -DisplayName 'Company SSO' -PassThru", "Renames the login button text and returns the connection.")]
    [CmdletExample("Set-ScalekitConnection -Name scalekit -ClientSecret (Read-Host -AsSecureString 'New Scalekit secret')", "Hands Auth0 the new secret after it was rotated in Scalekit.")]
    [Cmdlet(VerbsCommon.Set, "ScalekitConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class SetScalekitConnectionCommand : NamedConnectionCmdlet
    {
        [Parameter(HelpMessage = "The button text on Auth0's Universal Login page. Default: the name.")]
        [ValidateLength(1, 128)]
        [ValidateText]
        public string? DisplayName { get; set; }

        [Parameter(HelpMessage = "Space-separated OIDC scopes Auth0 requests from Scalekit; must include openid.")]
        [ValidateText(MaxLength = 1000)]
        public string? Scope { get; set; }

        [Parameter(HelpMessage = "Shows the connection as a button on the login page; without it users reach it only through Home Realm Discovery.")]
        public SwitchParameter ShowAsButton { get; set; }

        /// <summary>The Scalekit client secret after a rotation in Scalekit.</summary>
        [Parameter(HelpMessage = "The Scalekit client secret to give Auth0, after it was rotated in Scalekit.")]
        public SecureString? ClientSecret { get; set; }

        [Parameter(HelpMessage = "Writes the resulting object to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachInput(Id ?? Name, () =>
        {
            if (Scope is not null && !Scope.Split(' ').Contains("openid"))
            {
                throw InvalidArgument("InvalidScope", $"-Scope '{ScalekitAuth0Exception.Printable(Scope)}' does not include 'openid', which OpenID Connect requires.", "Give space-separated scopes that include openid, such as 'openid profile email'.");
            }
            var connection = RequireConnection();
            var (body, changes) = Changes(connection);
            if (changes.Count == 0)
            {
                WriteVerbose($"Connection '{connection.Name}' already has these settings; nothing to change.");
            }
            else if (ShouldProcess($"Auth0 connection '{connection.Name}' on {Auth0.Domain}", $"Set {string.Join(", ", changes)}"))
            {
                connection = Run(operation => Auth0.Client.UpdateConnectionAsync(connection.Id, body, operation));
            }
            else
            {
                return;
            }
            if (PassThru)
            {
                WriteObject(ScalekitConnection.From(connection, Auth0.Domain));
            }
        });

        /// <summary>
        /// Always the whole options object (Auth0 replaces it wholesale, and would drop whatever we
        /// left out) and always the display name (Auth0 resets it to the name when it is absent).
        /// </summary>
        private (JObject Body, List<string> Changes) Changes(Auth0Connection connection)
        {
            if (connection.Options is null)
            {
                throw new ScalekitAuth0Exception("Auth0OptionsHidden", ApiErrorKind.Forbidden,
                    $"Auth0 returned connection '{connection.Name}' without its options; changing it now would erase them.",
                    "Grant the read:connections_options scope to the Auth0 application, then run Connect-Auth0 again.");
            }
            var changes = new List<string>();
            var options = connection.CopyOptions();
            options.Remove("oidc_metadata");
            if (Scope is not null && connection.Option("scope") != Scope)
            {
                options["scope"] = Scope;
                changes.Add("scope");
            }
            if (ClientSecret is not null && connection.Option("client_secret") != Secret.Reveal(ClientSecret))
            {
                options["client_secret"] = Secret.Reveal(ClientSecret);
                changes.Add("client_secret");
            }
            var displayName = DisplayName ?? connection.DisplayName ?? connection.Name;
            if (displayName != (connection.DisplayName ?? connection.Name))
            {
                changes.Add("display_name");
            }
            var body = new JObject { ["options"] = options, ["display_name"] = displayName };
            if (MyInvocation.BoundParameters.ContainsKey(nameof(ShowAsButton)) && connection.ShowAsButton != ShowAsButton.IsPresent)
            {
                body["show_as_button"] = ShowAsButton.IsPresent;
                changes.Add("show_as_button");
            }
            return (body, changes);
        }
    }
}
