using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Help;
using ScalekitAuth0.Integration;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Changes the display name, scope, login button or client secret of a connection.",
        "Reads the connection, changes only what is given, and writes the whole options object back with the display name, because Auth0 replaces options wholesale and resets an absent display name. Writes nothing, and asks nothing, when nothing differs. A new -ClientSecret is first tried at the Scalekit environment's token endpoint (Connect-Scalekit) and not saved when Scalekit refuses it. Only connections that point at Scalekit are changed, unless -Force.")]
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

        protected override void ProcessRecord() => ForEachInput(Id ?? Name, () =>
        {
            if (Scope is not null)
            {
                ScalekitConnectionSpec.RequireOpenId(Scope);
            }
            var connection = RequireConnection();
            var (body, changes) = new ScalekitConnectionChange
            {
                DisplayName = DisplayName,
                Scope = Scope,
                ShowAsButton = MyInvocation.BoundParameters.ContainsKey(nameof(ShowAsButton)) ? ShowAsButton.IsPresent : (bool?)null,
                ClientSecret = ClientSecret,
            }.For(connection);
            if (ClientSecret is not null && changes.Any(change => change.StartsWith("client_secret", StringComparison.Ordinal)))
            {
                RequireAcceptedSecret(connection, ClientSecret);
            }
            if (changes.Count == 0)
            {
                WriteVerbose($"Connection '{connection.Name}' already has these settings; nothing to change.");
            }
            else if (ShouldProcess($"Auth0 connection '{connection.Name}' on {Auth0Tenant.Domain}", $"Set {string.Join(", ", changes)}"))
            {
                connection = Run(operation => Auth0Tenant.Client.UpdateConnectionAsync(connection.Id, body, operation));
            }
            else
            {
                return;
            }
            if (PassThru)
            {
                WriteObject(ScalekitConnection.From(connection, Auth0Tenant));
            }
        });

        /// <summary>A secret Scalekit refuses would fail every login after the user signs in: it is checked at Scalekit's token endpoint before Auth0 gets it.</summary>
        private void RequireAcceptedSecret(Auth0Connection connection, SecureString secret)
        {
            var clientId = connection.Option("client_id");
            var scalekit = ScalekitEnvironment.Client;
            var refusal = clientId is null
                ? "the connection holds no Scalekit client id"
                : Run(operation => scalekit.CredentialsRefusalAsync(clientId, secret, operation));
            if (refusal is not null)
            {
                throw ScalekitAuth0Exception.InvalidArgument("ScalekitSecretRefused",
                    $"Scalekit's token endpoint ({ScalekitEnvironment.EnvironmentUrl}) refused -ClientSecret for client {clientId}: {refusal}. Nothing was saved.",
                    "Give the client secret shown in the Scalekit dashboard (Settings > API Config) for that client, as a SecureString.");
            }
        }
    }
}
