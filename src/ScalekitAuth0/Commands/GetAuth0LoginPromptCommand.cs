using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets how the Auth0 tenant's login page asks for the user: Identifier First or not, New or classic Universal Login.",
        "Reads GET /api/v2/prompts (scope read:prompts). Home Realm Discovery sends a user to the Scalekit connection by email domain only when IdentifierFirst is true and UniversalLoginExperience is new: with the one-step prompt the login page asks for a password at once, whatever domains the connection routes. RoutesByEmailDomain says whether both hold.")]
    [CmdletExample("Get-Auth0LoginPrompt", "Shows whether Identifier First is on and which login experience the tenant uses.")]
    [CmdletExample("if (-not (Get-Auth0LoginPrompt).RoutesByEmailDomain) { Set-Auth0LoginPrompt -IdentifierFirst }", "Turns Identifier First on when users are not yet routed by email domain.")]
    [Cmdlet(VerbsCommon.Get, "Auth0LoginPrompt")]
    [OutputType(typeof(Auth0LoginPrompt))]
    public sealed class GetAuth0LoginPromptCommand : ScalekitAuth0Cmdlet
    {
        protected override void ProcessRecord() => ForEachInput(Auth0Tenant.Domain, () =>
            WriteObject(Run(operation => Auth0Tenant.Client.GetLoginPromptAsync(operation))));
    }
}
