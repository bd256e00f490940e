<#
.SYNOPSIS
    Benchmarks Home Realm Discovery at scale against the sandbox: how many Auth0 requests, and how long.
.DESCRIPTION
    Not a test: it prints numbers and exits 0 unless something breaks. Build first, then run it with
    the pinned PowerShell:

        dotnet pwsh ./build.ps1 Build
        dotnet pwsh bench/HrdDomain.Bench.ps1

    1. 1,000 domains piped into Add-HrdDomain: Auth0 requests made and wall time.
    2. Sync-HrdDomain over 300 Scalekit organizations with 2 domains each (created first, untimed),
       with the sandbox's Auth0 rate limit at the free tier's 2 requests per second (burst 2): errors,
       Auth0 requests made (429s included), elapsed time, and elapsed time divided by the least time
       the rate limit allows for the successful requests.
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000)][int]$DomainCount = 1000,
    [ValidateRange(1, 10000)][int]$OrganizationCount = 300,
    [ValidateRange(1, 100)][int]$DomainsPerOrganization = 2,
    [ValidateRange(1, 1000)][int]$RatePerSecond = 2
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$root = Split-Path -Parent $PSScriptRoot
Import-Module -Name (Join-Path $root 'tests/Pester/SandboxHelpers.psm1')
$manifest = Get-BuiltModuleManifest
Import-Module -Name $manifest

function Connect-Sandbox($Sandbox) {
    Connect-Auth0 -Domain $Sandbox.Auth0Url -Credential $Sandbox.Auth0Credential
    Connect-Scalekit -EnvironmentUrl $Sandbox.ScalekitUrl -Credential $Sandbox.ScalekitCredential
}

# Requests the module made since the log was cleared; its token was fetched by Connect-Auth0 before.
function Get-ModuleRequest([string]$Service) {
    @(Get-SandboxRequest -Service $Service | Where-Object path -ne '/oauth/token')
}

function Format-Count($Requests) {
    ($Requests | Group-Object method | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '
}

$sandbox = Start-TestSandbox
try {
    Connect-Sandbox $sandbox
    $null = New-ScalekitConnection -Name scalekit
    $domains = 1..$DomainCount | ForEach-Object { "customer$_.example.com" }
    Clear-SandboxRequest

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $connection = $domains | Add-HrdDomain -ConnectionName scalekit
    $watch.Stop()

    $auth0 = Get-ModuleRequest auth0
    Write-Host "Add-HrdDomain: $DomainCount domains piped into one command (no rate limit)"
    Write-Host ('  domains routed     : {0}' -f $connection.HrdDomains.Count)
    Write-Host ('  Auth0 requests     : {0} ({1})' -f $auth0.Count, (Format-Count $auth0))
    Write-Host ('  wall time          : {0:0.00} s' -f $watch.Elapsed.TotalSeconds)

    Reset-Sandbox
    Connect-Sandbox $sandbox
    $null = New-ScalekitConnection -Name scalekit
    foreach ($number in 1..$OrganizationCount) {
        $organization = (Invoke-SandboxScalekitApi api/v1/organizations -Method POST -Body @{ display_name = "Customer $number"; external_id = "customer-$number" }).organization
        foreach ($index in 1..$DomainsPerOrganization) {
            $null = Invoke-SandboxScalekitApi "api/v1/organizations/$($organization.id)/domains" -Method POST -Body @{ domain = "d$index.customer$number.example.com"; domain_type = 'ORGANIZATION_DOMAIN' }
        }
    }
    Set-SandboxRateLimit $RatePerSecond -Burst $RatePerSecond
    Clear-SandboxRequest

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $result = Sync-HrdDomain -ConnectionName scalekit -ErrorVariable failures -ErrorAction SilentlyContinue
    $watch.Stop()

    $auth0 = Get-ModuleRequest auth0
    $refused = @($auth0 | Where-Object status -eq 429)
    $succeeded = @($auth0 | Where-Object { $_.status -ge 200 -and $_.status -lt 300 })
    # A token bucket serves the burst at once, then one request per 1/rate seconds.
    $leastSeconds = [math]::Max(0, ($succeeded.Count - $RatePerSecond) / $RatePerSecond)
    $ratio = if ($leastSeconds -gt 0) { '{0:0.00}' -f ($watch.Elapsed.TotalSeconds / $leastSeconds) } else { 'n/a (all within the burst)' }
    Write-Host ''
    Write-Host "Sync-HrdDomain: $OrganizationCount organizations x $DomainsPerOrganization domains, Auth0 rate limit $RatePerSecond/s (burst $RatePerSecond)"
    Write-Host ('  errors             : {0}' -f @($failures).Count)
    Write-Host ('  domains added      : {0}' -f @($result.Added).Count)
    Write-Host ('  Auth0 requests     : {0} ({1}; {2} answered 429)' -f $auth0.Count, (Format-Count $auth0), $refused.Count)
    Write-Host ('  Scalekit requests  : {0}' -f (Get-ModuleRequest scalekit).Count)
    Write-Host ('  elapsed            : {0:0.00} s' -f $watch.Elapsed.TotalSeconds)
    Write-Host ('  least time allowed : {0:0.00} s for {1} successful requests' -f $leastSeconds, $succeeded.Count)
    Write-Host ('  elapsed / least    : {0}' -f $ratio)
    foreach ($failure in $failures) {
        Write-Host "  error: $($failure.FullyQualifiedErrorId): $($failure.Exception.Message)"
    }
}
finally {
    Stop-TestSandbox
}
