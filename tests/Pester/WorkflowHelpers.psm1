<#
    The composed workflow of the design (shared/docs/design.md), run as a runbook runs it, and what the
    tenant must hold once it has worked, read straight from the sandbox's APIs (not through the module,
    so a module bug cannot hide itself). Used by the integration-check, fault and secret suites.
    Needs the module and SandboxHelpers.psm1 imported, and a sandbox started (Common.ps1, Start-TestSandbox).
#>
Set-StrictMode -Version 3.0

$script:ConnectionName = 'scalekit'
$script:Domains = @('acme.co.uk', 'acme.com')

<#
    Connect-Auth0, Connect-Scalekit, the pipeline, Set-Auth0LoginPrompt -IdentifierFirst,
    Test-ScalekitAuth0Integration and Test-ScalekitAuth0Login: exactly the design's workflow, with
    $ErrorActionPreference = 'Stop' as in a runbook, so the first error ends it. Before the checks, Acme's
    IT admin sets up its SSO connection in the Admin Portal (the sandbox's control endpoint stands in for
    that; no module command makes one). -Between runs after the two Connect commands, between each stage
    of the pipeline, and before each of the last steps (for faults injected "between steps"). Returns the
    IntegrationCheck objects, then the ScalekitLoginProbe.
#>
function Invoke-ComposedWorkflow {
    [CmdletBinding()]
    param(
        [pscredential]$Auth0Credential,
        [ValidateRange(1, 3600)][int]$TimeoutSec = 100,
        [scriptblock]$Between = {}
    )
    $ErrorActionPreference = 'Stop'
    $sandbox = Get-CurrentSandbox
    $credential = $Auth0Credential ?? $sandbox.Auth0Credential
    Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $credential -TimeoutSec $TimeoutSec -WarningAction SilentlyContinue
    Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential -TimeoutSec $TimeoutSec
    & $Between

    $step = { process { & $Between; $_ } }
    $null = New-ScalekitConnection -Name $script:ConnectionName -EnabledClient 'My App' |
        ForEach-Object $step |
        Sync-ScalekitRedirectUri -PassThru |
        ForEach-Object $step |
        Add-HrdDomain -Domain acme.com, acme.co.uk -Organization (New-ScalekitOrganization -DisplayName Acme -ExternalId acme)

    & $Between
    Set-Auth0LoginPrompt -IdentifierFirst
    Add-SandboxSsoConnection -ExternalId acme -IfMissing | Out-Null
    & $Between
    Test-ScalekitAuth0Integration -Name $script:ConnectionName
    & $Between
    Test-ScalekitAuth0Login -Email alice@acme.com
}

# The ErrorId of an error record, without the command name PowerShell appends.
function Get-ErrorId([System.Management.Automation.ErrorRecord]$Record) {
    $Record.FullyQualifiedErrorId.Split(',')[0]
}

# What the tenant holds, read with the sandbox's seeded clients.
function Get-IntegrationState {
    $sandbox = Get-CurrentSandbox
    $connections = @(Invoke-SandboxAuth0Api 'api/v2/connections?strategy=oidc' | ForEach-Object { $_ } | Where-Object name -EQ $script:ConnectionName)
    $myApp = @(Invoke-SandboxAuth0Api 'api/v2/clients?fields=client_id,name&include_fields=true' | ForEach-Object { $_ } | Where-Object name -CEQ 'My App').client_id
    $enabled = if ($connections.Count -eq 1) { @((Invoke-SandboxAuth0Api "api/v2/connections/$($connections[0].id)/clients?take=100").clients.client_id) } else { @() }
    $client = (Invoke-SandboxScalekitApi "api/v1/clients/$($sandbox.ScalekitClientId)").client
    $organizations = @((Invoke-SandboxScalekitApi 'api/v1/organizations?page_size=100').organizations | Where-Object external_id -EQ 'acme')
    $owned = if ($organizations.Count -eq 1) { @((Invoke-SandboxScalekitApi "api/v1/organizations/$($organizations[0].id)/domains?page_size=100").domains.domain) } else { @() }
    [pscustomobject]@{
        Connections         = $connections.Count
        HrdDomains          = if ($connections.Count -eq 1) { @($connections[0].options.domain_aliases | Sort-Object) } else { @() }
        EnabledForMyApp     = $enabled -contains $myApp
        RedirectUris        = @($client.PSObject.Properties['post_login_uris']?.Value)
        Organizations       = $organizations.Count
        OrganizationDomains = @($owned | Sort-Object)
    }
}

<#
    The workflow's end state: one connection, routing both domains, enabled for My App, its callback
    allowed in Scalekit, one Acme organization owning both domains, every check passing and
    alice@acme.com's login reaching Acme's identity provider (run again here, with no fault, through the module).
#>
function Assert-IntegrationConverged {
    $sandbox = Get-CurrentSandbox
    $state = Get-IntegrationState
    $state.Connections | Should -Be 1 -Because 'the connection exists once'
    $state.HrdDomains | Should -Be $script:Domains -Because 'both domains are routed'
    $state.EnabledForMyApp | Should -BeTrue -Because 'the connection is enabled for My App'
    $state.RedirectUris | Should -Contain "$($sandbox.Auth0Url.TrimEnd('/'))/login/callback" -Because "Auth0's callback is allowed in Scalekit"
    $state.Organizations | Should -Be 1 -Because 'the organization exists once'
    $state.OrganizationDomains | Should -Be $script:Domains -Because 'the organization owns both domains'
    $checks = @(Test-ScalekitAuth0Integration -Name $script:ConnectionName)
    $checks | Should -HaveCount 10
    @($checks | Where-Object Status -NE Pass | ForEach-Object { "$($_.Check): $($_.Detail)" }) | Should -BeNullOrEmpty
    $probe = Test-ScalekitAuth0Login -Email alice@acme.com
    "$($probe.Status) at $($probe.Stage): $($probe.Detail)" | Should -BeLike 'Pass at IdentityProvider:*' -Because "alice@acme.com's login reaches Acme's identity provider"
}

<#
    The creates the emulators really carried out, counted per created object: the connection (by
    name), the organization (by external id) and each organization domain (by name). A request a
    fault swallowed did not create anything and is not counted; a create the module sent again
    after one that happened unheard would be.
#>
function Get-ExecutedCreate {
    Get-SandboxRequest | Where-Object { $_.method -eq 'POST' -and $_.served -and $_.status -lt 500 -and $_.path -ne '/oauth/token' } | ForEach-Object {
        $body = $_.body | ConvertFrom-Json
        $object = switch -Regex ($_.path) {
            '^/api/v2/connections$' { "connection $($body.name)" }
            '^/api/v1/organizations$' { "organization $($body.external_id)" }
            '^/api/v1/organizations/[^/]+/domains$' { "domain $($body.domain)" }
            default { "$($_.path)" }
        }
        [pscustomobject]@{ Object = $object; Status = $_.status }
    } | Group-Object Object | ForEach-Object {
        [pscustomobject]@{ Object = $_.Name; Count = $_.Count; Statuses = @($_.Group.Status) }
    }
}

Export-ModuleMember -Function Invoke-ComposedWorkflow, Get-ErrorId, Get-IntegrationState, Assert-IntegrationConverged, Get-ExecutedCreate
