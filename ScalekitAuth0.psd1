# Template: build.ps1 copies this to output/ScalekitAuth0/<version>/ with {{ModuleVersion}} replaced
# by <ModuleVersion> from Directory.Build.props, the single place the version is set.
@{
    RootModule             = 'ScalekitAuth0.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '345adcf5-b591-4919-bfd3-6893078e187d'
    Author                 = 'ScalekitAuth0 contributors'
    CompanyName            = 'ScalekitAuth0 contributors'
    Copyright              = '(c) ScalekitAuth0 contributors.'
    Description            = 'Wires Scalekit into an Auth0 tenant as an OpenID Connect enterprise connection: creates the connection, allows the Auth0 callback URLs in Scalekit, and keeps Home Realm Discovery domains in step with Scalekit organizations. Safe to re-run from Azure Automation.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('ScalekitAuth0.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Auth0'
        'Disconnect-Auth0'
        'Connect-Scalekit'
        'Disconnect-Scalekit'
        'Get-Auth0Context'
        'Get-ScalekitContext'
        'New-ScalekitConnection'
        'Get-ScalekitConnection'
        'Set-ScalekitConnection'
        'Remove-ScalekitConnection'
        'Enable-ScalekitConnection'
        'Disable-ScalekitConnection'
        'Get-Auth0CallbackUrl'
        'Sync-ScalekitRedirectUri'
        'Get-ScalekitRedirectUri'
        'Remove-ScalekitRedirectUri'
        'Add-HrdDomain'
        'Get-HrdDomain'
        'Remove-HrdDomain'
        'Sync-HrdDomain'
        'New-ScalekitOrganization'
        'Get-ScalekitOrganization'
        'Set-ScalekitOrganization'
        'Remove-ScalekitOrganization'
        'New-ScalekitPortalLink'
        'Get-ScalekitSsoConnection'
        'Get-Auth0LoginPrompt'
        'Set-Auth0LoginPrompt'
        'Test-ScalekitAuth0Integration'
        'Test-ScalekitAuth0Login'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Auth0', 'Scalekit', 'SSO', 'OIDC', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First preview: Scalekit as an Auth0 OIDC enterprise connection, redirect URI sync, Home Realm Discovery domains.'
        }
    }
}
