<#
.SYNOPSIS
    Measures what the module costs against what it saves: import time, per-call overhead against
    plain Invoke-RestMethod, and peak memory of a large Sync-HrdDomain. A benchmark, not a test.
.DESCRIPTION
    Run after `dotnet pwsh ./build.ps1 Build`:

        dotnet pwsh bench/Module.Bench.ps1

    Everything runs against the sandbox on loopback, so the numbers are the client's own cost
    (PowerShell, the module, JSON) plus a local round trip, not Auth0's or Scalekit's latency.
    Child processes are started with the same PowerShell that runs this script.
#>
[CmdletBinding()]
param(
    # Child processes started per variant for the import timing; the median is reported.
    [ValidateRange(3, 51)][int]$ImportRuns = 9,
    # Calls per side for the per-call comparison.
    [ValidateRange(10, 10000)][int]$Calls = 200,
    # Organizations (one domain each) Sync-HrdDomain reads; Auth0 allows 1000 domains per connection.
    [ValidateRange(1, 1000)][int]$Organizations = 1000
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

$root = Split-Path -Parent $PSScriptRoot
$version = ([xml](Get-Content -Raw -LiteralPath (Join-Path $root 'Directory.Build.props'))).SelectSingleNode('/Project/PropertyGroup/ModuleVersion').InnerText.Trim()
$manifest = Join-Path $root "output/ScalekitAuth0/$version/ScalekitAuth0.psd1"
if (-not (Test-Path -LiteralPath $manifest)) { throw "Build first: dotnet pwsh ./build.ps1 Build ($manifest is missing)." }
Import-Module (Join-Path $root 'tests/Pester/SandboxHelpers.psm1')

# The PowerShell running this script, as a command line for children: under `dotnet pwsh` the
# process is dotnet hosting pwsh.dll.
$processPath = [Environment]::ProcessPath
$pwsh = if ((Split-Path -Leaf $processPath) -like 'dotnet*') { @($processPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @($processPath) }

function Invoke-Child([string]$Command, [hashtable]$Environment = @{}) {
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $clock.Stop()
    if ($process.ExitCode -ne 0) { throw "A child pwsh failed ($($process.ExitCode)): $($errors.Result)$output" }
    [pscustomobject]@{ Milliseconds = $clock.Elapsed.TotalMilliseconds; Output = $output.Trim() }
}

function Get-Median([double[]]$Values) {
    $sorted = $Values | Sort-Object
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Measure-Milliseconds([scriptblock]$ScriptBlock) {
    (Measure-Command -Expression $ScriptBlock).TotalMilliseconds
}

function Format-Row([string]$What, [string]$Module, [string]$Baseline, [string]$Comparison) {
    '{0,-44} {1,14} {2,14}   {3}' -f $What, $Module, $Baseline, $Comparison
}

$sandbox = Start-TestSandbox
try {
    $credentials = Get-SandboxEnvironment
    $results = [System.Collections.Generic.List[string]]::new()

    # ---------------------------------------------------------------- import time
    Write-Host "Import: $ImportRuns child processes each way, alternating..."
    $quoted = $manifest.Replace("'", "''")
    $null = Invoke-Child 'exit'   # warm the disk cache and the runtime before timing
    $null = Invoke-Child "Import-Module '$quoted'; exit"
    $bare = [System.Collections.Generic.List[double]]::new()
    $import = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        $bare.Add((Invoke-Child 'exit').Milliseconds)
        $import.Add((Invoke-Child "Import-Module '$quoted'; exit").Milliseconds)
    }
    $bareMedian = Get-Median $bare
    $importMedian = Get-Median $import
    $results.Add((Format-Row 'pwsh -NoProfile: Import-Module vs bare exit' ('{0:N0} ms' -f $importMedian) ('{0:N0} ms' -f $bareMedian) `
        ('+{0:N0} ms for the import, x{1:N2} (medians)' -f ($importMedian - $bareMedian), ($importMedian / $bareMedian))))

    # ---------------------------------------------------------------- per call
    Write-Host "Calls: $Calls Get-ScalekitConnection -Name x against $Calls Invoke-RestMethod..."
    Import-Module $manifest
    Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
    Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    $null = New-ScalekitConnection -Name x

    # What a script without the module does for the same answer: one token, then the same GET.
    $token = (Invoke-RestMethod -Method Post -Uri "$($sandbox.Auth0Url)/oauth/token" -Body @{
            grant_type = 'client_credentials'; client_id = $sandbox.Auth0ClientId; client_secret = $sandbox.Auth0ClientSecret
            audience = "$($sandbox.Auth0Url)/api/v2/"
        }).access_token
    $request = @{ Uri = "$($sandbox.Auth0Url)/api/v2/connections?name=x"; Headers = @{ Authorization = "Bearer $token" } }

    # Warm both paths (JIT, connection pool) before timing.
    1..10 | ForEach-Object { $null = Get-ScalekitConnection -Name x; $null = Invoke-RestMethod @request }
    Clear-SandboxRequest
    $moduleMs = Measure-Milliseconds { for ($i = 0; $i -lt $Calls; $i++) { $null = Get-ScalekitConnection -Name x } }
    $moduleGets = @(Get-SandboxRequest -Service auth0 -Method GET -Path '/api/v2/connections').Count
    $restMs = Measure-Milliseconds { for ($i = 0; $i -lt $Calls; $i++) { $null = Invoke-RestMethod @request } }
    if ($moduleGets -ne $Calls) { throw "Get-ScalekitConnection made $moduleGets GETs for $Calls calls; the comparison assumes one each." }
    $results.Add((Format-Row "$Calls x Get-ScalekitConnection -Name x" ('{0:N0} ms' -f $moduleMs) ('{0:N0} ms' -f $restMs) `
        ('Invoke-RestMethod baseline; module/IRM = {0:N2} ({1:N2} vs {2:N2} ms a call)' -f ($moduleMs / $restMs), ($moduleMs / $Calls), ($restMs / $Calls))))

    # ---------------------------------------------------------------- peak memory
    Write-Host "Memory: creating $Organizations organizations with a domain each (not timed)..."
    $scalekitToken = (Invoke-RestMethod -Method Post -Uri "$($sandbox.ScalekitUrl)/oauth/token" -Body @{
            grant_type = 'client_credentials'; client_id = $sandbox.ScalekitClientId; client_secret = $sandbox.ScalekitClientSecret
        }).access_token
    $scalekitApi = @{ Headers = @{ Authorization = "Bearer $scalekitToken" }; ContentType = 'application/json'; Method = 'Post' }
    for ($i = 1; $i -le $Organizations; $i++) {
        $organization = Invoke-RestMethod @scalekitApi -Uri "$($sandbox.ScalekitUrl)/api/v1/organizations" -Body (@{ display_name = "Bench $i"; external_id = "bench-$i" } | ConvertTo-Json)
        $id = $organization.organization.id
        $null = Invoke-RestMethod @scalekitApi -Uri "$($sandbox.ScalekitUrl)/api/v1/organizations/$id/domains" -Body (@{ domain = "bench-$i.example"; domain_type = 'ORGANIZATION_DOMAIN' } | ConvertTo-Json)
    }

    # The child reports its own peak working set (VmHWM on Linux) as its last act.
    $connect = "Import-Module '$quoted'; Connect-Auth0; Connect-Scalekit"
    $peak = '[System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64'
    Write-Host 'Memory: Sync-HrdDomain in a child process, and a child that only connects...'
    $sync = Invoke-Child "$connect; `$result = Sync-HrdDomain -ConnectionName x; if (`$result.Added.Count -ne $Organizations) { throw `"added `$(`$result.Added.Count)`" }; $peak" $credentials
    $idle = Invoke-Child "$connect; $peak" $credentials
    $syncMb = [double]($sync.Output -split "`n")[-1] / 1MB
    $idleMb = [double]($idle.Output -split "`n")[-1] / 1MB
    $results.Add((Format-Row "Sync-HrdDomain over $Organizations organizations" ('{0:N0} MB peak' -f $syncMb) ('{0:N0} MB peak' -f $idleMb) `
        ('baseline: import and connect only; +{0:N0} MB for the sync ({1:N1} s)' -f ($syncMb - $idleMb), ($sync.Milliseconds / 1000))))

    Write-Host ''
    Write-Host (Format-Row '' 'module' 'baseline' '')
    $results | ForEach-Object { Write-Host $_ }
}
finally {
    Stop-TestSandbox
}
