using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets a customer's SSO connections in Scalekit: the identity provider Scalekit sends the customer's users to.",
        "Reads GET /api/v1/connections?organization_id= for the organization given (an object, its id or its external id). The customer's IT admin makes the connection in the Admin Portal (New-ScalekitPortalLink); the module only reads it. By default only active connections are returned (status COMPLETED and enabled), the ones that receive logins; -All includes drafts, unfinished and disabled ones. An organization with no active connection sends its users to Scalekit's no_active_connections error.")]
    [CmdletExample("Get-ScalekitSsoConnection -Organization acme", "Lists the active SSO connections of the organization whose external id is acme.")]
    [CmdletExample("Get-ScalekitOrganization | Where-Object { -not (Get-ScalekitSsoConnection -Organization $_) } | New-ScalekitPortalLink -Feature sso",
        "Creates a portal link for every customer that has no active SSO connection yet.")]
    [CmdletExample("Get-ScalekitSsoConnection -Organization org_59615193906282635 -All | Format-List", "Shows every SSO connection of the organization, finished or not.")]
    [Cmdlet(VerbsCommon.Get, "ScalekitSsoConnection")]
    [OutputType(typeof(ScalekitSsoConnection))]
    public sealed class GetScalekitSsoConnectionCommand : ScalekitOrganizationCmdlet
    {
        [Parameter(HelpMessage = "Includes connections that are not active: drafts, ones the IT admin has not finished, and disabled ones.")]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord() => ForEachInput(Organization, () =>
        {
            var client = ScalekitEnvironment.Client;
            var organization = ResolveOrganization();
            WriteObject(Run(operation => client.ListSsoConnectionsAsync(organization.Id, All, operation)), enumerateCollection: true);
        });
    }
}
