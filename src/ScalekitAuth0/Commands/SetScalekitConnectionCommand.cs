using System.Management.Automation;
using System.Security;
using ScalekitAuth0.Help;
using ScalekitAuth0.Integration;
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
                WriteObject(ScalekitConnection.From(connection, Auth0Tenant.Domain));
            }
        });
    }
}
