using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Integration;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets Auth0 OpenID Connect connections.",
        "By name or by id (any connection of the tenant), or all Scalekit connections of the tenant, read page by page and written as they arrive: OIDC connections whose issuer is the connected Scalekit environment's or, without Connect-Scalekit, that New-ScalekitConnection marked. Names may contain wildcards, which select among the Scalekit connections.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit", "Gets the connection named scalekit.")]
    [CmdletExample("Get-ScalekitConnection | Format-Table Name, HrdDomains", "Lists every Scalekit connection with its Home Realm Discovery domains.")]
    [Cmdlet(VerbsCommon.Get, "ScalekitConnection", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class GetScalekitConnectionCommand : ScalekitAuth0Cmdlet
    {
        private const string AllSet = "All";
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        /// <summary>Wildcards select among all OIDC connections; a plain name is looked up directly.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Connection names; wildcards allowed.")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateText]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Connection ids (con_...).")]
        [ValidateText]
        public string[] Id { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case IdSet:
                    foreach (var id in Id)
                    {
                        ForEachInput(id, () => WriteConnection(Run(operation => Auth0Tenant.Client.GetConnectionAsync(id, operation))));
                    }
                    break;
                case NameSet:
                    foreach (var name in Name)
                    {
                        ForEachInput(name, () => WriteNamed(name));
                    }
                    break;
                default:
                    ForEachInput(null, () => WriteAll(null));
                    break;
            }
        }

        private void WriteNamed(string name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteAll(new WildcardPattern(name, WildcardOptions.IgnoreCase));
                return;
            }
            WriteConnection(Run(operation => Auth0Tenant.Client.RequireConnectionAsync(null, name, operation)));
        }

        /// <summary>Listed whole before any is written: each then needs a read of its own, for the applications it is enabled for.</summary>
        private void WriteAll(WildcardPattern? pattern)
        {
            var environmentUrl = ScalekitEnvironmentAtHand?.EnvironmentUrl;
            var scalekit = new List<Auth0Connection>();
            Run(operation => Auth0Tenant.Client.ListConnectionsAsync(new[] { "oidc" }, page => scalekit.AddRange(page.Where(connection =>
                (pattern is null || pattern.IsMatch(connection.Name)) && ScalekitOwnership.PointsAtScalekit(connection, environmentUrl))), operation));
            foreach (var connection in scalekit)
            {
                ForEachInput(connection.Name, () => WriteConnection(connection));
            }
        }

        private void WriteConnection(Auth0Connection connection)
        {
            WarnIfOptionsHidden(connection);
            var applications = _applications ??= new ConnectionApplications(this, Work, Auth0Tenant, _ => { });
            WriteObject(ScalekitConnection.From(connection, Auth0Tenant, applications.EnabledFor(connection)));
        }

        private ConnectionApplications? _applications;
    }
}
