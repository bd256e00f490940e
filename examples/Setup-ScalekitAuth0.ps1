<#
.SYNOPSIS
    Sets Scalekit up as enterprise SSO for an Auth0 tenant, end to end, and shows what it made.
    Run it as often as you like: a second run finds everything in place and changes nothing.
.DESCRIPTION
    Connects with the conventional environment variables ($env:AUTH0_DOMAIN, $env:AUTH0_CLIENT_ID,
    $env:AUTH0_CLIENT_SECRET; $env:SCALEKIT_ENVIRONMENT_URL, $env:SCALEKIT_CLIENT_ID,
    $env:SCALEKIT_CLIENT_SECRET),
    then runs the module's composed workflow:

      1. New-ScalekitConnection    the Auth0 OIDC connection to Scalekit, enabled for -Application
      2. Sync-ScalekitRedirectUri  Auth0's callback URLs allowed in Scalekit
      3. New-ScalekitOrganization  one Scalekit organization per customer
         Add-HrdDomain             the customer's domains routed to the connection
      4. Set-Auth0LoginPrompt      Identifier First, so Auth0 routes users by email domain
      5. Test-ScalekitAuth0Integration
      6. Test-ScalekitAuth0Login   one login per customer, walked up to the customer's identity
                                   provider; a customer whose IT admin has not finished SSO in the
                                   Admin Portal stops at Scalekit, with its portal link as the fix

    `dotnet pwsh ./build.ps1 Demo` runs it against the local sandbox.
.EXAMPLE
    ./Setup-ScalekitAuth0.ps1
.EXAMPLE
    ./Setup-ScalekitAuth0.ps1 -Application 'Customer Portal' -Customer @{ Name = 'Contoso'; ExternalId = 'contoso'; Domain = 'contoso.com' } -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The Auth0 connection's name.
    [string]$ConnectionName = 'scalekit',
    # Auth0 applications whose users sign in through Scalekit, by name or client id.
    [string[]]$Application = 'My App',
    # Customers to onboard: Name, ExternalId (your own id for them) and Domain (their email domains).
    [hashtable[]]$Customer = @(
        @{ Name = 'Acme Corporation'; ExternalId = 'acme'; Domain = 'acme.com', 'acme.co.uk' }
        @{ Name = 'Globex'; ExternalId = 'globex'; Domain = 'globex.com' }
    )
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module -Name ScalekitAuth0

function Write-Step([string]$Title) {
    Write-Host ''
    Write-Host $Title
    Write-Host ('-' * $Title.Length)
}

# Tables go straight to the host, so that they appear in order with the headings, 120 columns wide
# whatever the console says (a CI log or a redirected demo has no width of its own).
function Show([Parameter(ValueFromPipeline)]$InputObject, [string[]]$Property) {
    end {
        $columns = if ($Property) { @{ Property = $Property } } else { @{} }
        Write-Host ($input | Format-Table @columns -AutoSize | Out-String -Width 120).Trim("`r", "`n")
    }
}

Write-Step 'Connecting'
$auth0 = Connect-Auth0 -PassThru
$scalekit = Connect-Scalekit -PassThru
Write-Host "Auth0     $($auth0.Domain) as $($auth0.ClientId)"
Write-Host "Scalekit  $($scalekit.EnvironmentUrl) as $($scalekit.ClientId)"

Write-Step "1. The Auth0 connection '$ConnectionName', for $($Application -join ', ')"
$existed = [bool](Get-ScalekitConnection -Name $ConnectionName -ErrorAction SilentlyContinue)
$connection = New-ScalekitConnection -Name $ConnectionName -EnabledClient $Application
if (-not $connection) { return }   # -WhatIf: the connection does not exist yet, so nothing below can be shown
Write-Host $(if ($existed) { 'Already set up; left as it was.' } else { 'Created.' })
Write-Host ''
$connection | Show -Property Name, Id, Issuer, Scope

Write-Step '2. Auth0 callback URLs allowed as Scalekit redirect URIs'
$redirects = $connection | Sync-ScalekitRedirectUri
$allowed = @(Get-Auth0CallbackUrl | ForEach-Object {
        [pscustomobject]@{ CallbackUrl = $_.Url; Status = if ($_.Url -in $redirects.Added) { 'added' } else { 'already allowed' } }
    })
$allowed | Show -Property CallbackUrl, Status

Write-Step '3. Customers, and the domains Auth0 sends to Scalekit for them'
$before = @($connection.HrdDomains)
$customers = foreach ($entry in $Customer) {
    $organization = New-ScalekitOrganization -DisplayName $entry.Name -ExternalId $entry.ExternalId
    $connection = $connection | Add-HrdDomain -Domain $entry.Domain -Organization $organization
    [pscustomobject]@{
        Customer       = $organization.DisplayName
        ExternalId     = $organization.ExternalId
        OrganizationId = $organization.Id
        Domains        = $entry.Domain -join ', '
        Added          = @($entry.Domain | Where-Object { $_ -notin $before }).Count
    }
}
$customers | Show -Property Customer, ExternalId, OrganizationId, Domains, Added

Write-Step '4. Identifier First, so that Auth0 routes users by their email domain'
$prompt = Get-Auth0LoginPrompt
Set-Auth0LoginPrompt -IdentifierFirst
Write-Host $(if ($prompt.IdentifierFirst) { 'Already on.' } else { 'Turned on.' })

Write-Step '5. Checking the integration'
$checks = @(Test-ScalekitAuth0Integration -Name $ConnectionName)
# One line per check, long details left to the terminal to wrap; a failed check says how to fix it.
foreach ($check in $checks) {
    Write-Host ('{0,-4}  {1,-26} {2}' -f $check.Status, $check.Check, $check.Detail)
    if ($check.Fix) { Write-Host ('{0,-32} fix: {1}' -f '', $check.Fix) }
}
$failed = @($checks | Where-Object Status -EQ 'Fail')
if ($failed) {
    throw "The integration is not complete: $($failed.Check -join ', ') failed. Run the fixes above, or this script again."
}

Write-Step '6. One login per customer, from Auth0 up to the customer''s identity provider'
$logins = foreach ($entry in $Customer) {
    $probe = Test-ScalekitAuth0Login -Domain @($entry.Domain)[0] -Name $ConnectionName -Application @($Application)[0]
    $probe | Add-Member -NotePropertyName Customer -NotePropertyValue $entry.Name -PassThru
}
$logins | Show -Property Customer, Domain, Status, Stage, IdentityProvider
foreach ($login in $logins | Where-Object Status -EQ 'Fail') {
    Write-Host ''
    Write-Host "$($login.Customer): $($login.Detail)"
    Write-Host "  fix: $($login.Fix)"
}

# Only what the probes showed: which domains' logins reach an identity provider, and which do not yet.
$reached = @($logins | Where-Object Status -EQ 'Pass')
$stopped = @($logins | Where-Object Status -EQ 'Fail')
$proven = if ($reached) {
    'Proven: a login at ' + (($reached | ForEach-Object { "$($_.Domain) reaches $($_.IdentityProvider)" }) -join ', ')
} else { 'Proven: no login reaches an identity provider yet' }
$pending = if ($stopped) { '; not yet: ' + (($stopped | ForEach-Object { "$($_.Domain) (stops at $($_.Stage))" }) -join ', ') } else { '' }
Write-Host ''
Write-Host "$proven$pending."
