using System.Management.Automation;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Gets the URLs Auth0 receives enterprise logins back on.",
        "Scalekit must allow each of them as a redirect URI, or logins fail with invalid_redirect_uri. They are https://{tenant domain}/login/callback, then https://{custom domain}/login/callback for each custom domain whose status is ready, the primary one first (always https on the default port: that is how Auth0 serves custom domains, whatever address the tenant's API was reached at); a custom domain still pending verification, or failed, serves no logins and is left out. A tenant without the custom domains feature has only the first. Reading custom domains needs the read:custom_domains scope: without it the command warns and returns only the tenant's own URL.")]
    [CmdletExample("Get-Auth0CallbackUrl", "Lists the callback URLs of the connected Auth0 tenant.")]
    [CmdletExample("Sync-ScalekitRedirectUri -CallbackUrl (Get-Auth0CallbackUrl | Where-Object Source -eq CustomDomain)", "Allows in Scalekit only the callback URLs on custom domains.")]
    [Cmdlet(VerbsCommon.Get, "Auth0CallbackUrl")]
    [OutputType(typeof(Auth0CallbackUrl))]
    public sealed class GetAuth0CallbackUrlCommand : ScalekitAuth0Cmdlet
    {
        protected override void ProcessRecord() => ForEachInput(Auth0Tenant.Domain, () =>
            WriteObject(Run(operation => Auth0Tenant.Client.GetCallbackUrlsAsync(operation)), enumerateCollection: true));
    }
}
