<#
.SYNOPSIS
    Measures what the module costs against what it saves: import time, per-call overhead against
    plain Invoke-RestMethod, and peak memory of a large Sync-HrdDomain. A benchmark, not a test.
.DESCRIPTION
    Run after `dotnet pwsh ./build.ps1 Build`:

        dotnet pwsh bench/Module.Bench.ps1
        dotnet pwsh bench/Module.Bench.ps1 -ImportOnly -ImportRuns 21

    Import time is `pwsh -NoProfile -c 'Import-Module ...'` for this module against the same for an
    empty binary module of one cmdlet (netstandard2.0, built here with dotnet into a temporary
    folder), child processes in turn, medians: the difference is what this module adds to an import.
    The rest runs against the sandbox on loopback, so the numbers are the client's own cost
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
    [ValidateRange(1, 1000)][int]$Organizations = 1000,
    # Time the import only: no sandbox, no per-call or memory figures.
    [switch]$ImportOnly
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/Pester/SandboxHelpers.psm1')
$manifest = Get-BuiltModuleManifest

$pwsh = Get-ChildPowerShell

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

# The yardstick: the least a binary module can cost, one cmdlet that does nothing, built for the
# same target with the same compile-only PowerShell reference, with an equally explicit manifest.
function New-EmptyModule([string]$Folder) {
    $source = Join-Path $Folder 'src'
    $built = Join-Path $Folder 'Empty'
    $null = New-Item -ItemType Directory -Path $source, $built -Force
    Set-Content -LiteralPath (Join-Path $source 'Empty.csproj') -Value @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <AssemblyName>Empty</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PowerShellStandard.Library" Version="5.1.1" PrivateAssets="all" />
  </ItemGroup>
</Project>
'@
    Set-Content -LiteralPath (Join-Path $source 'GetEmptyCommand.cs') -Value @'
using System.Management.Automation;

[Cmdlet(VerbsCommon.Get, "Empty")]
public sealed class GetEmptyCommand : PSCmdlet
{
    protected override void ProcessRecord() => WriteObject(true);
}
'@
    $log = dotnet publish $source -c Release -o $built --nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building the empty module failed:`n$($log -join "`n")" }
    $emptyManifest = Join-Path $built 'Empty.psd1'
    Set-Content -LiteralPath $emptyManifest -Value @'
@{
    RootModule        = 'Empty.dll'
    ModuleVersion     = '1.0.0'
    GUID              = 'f6a1c9a4-0b5e-4d51-9a4e-3f9f0d6a2e11'
    CmdletsToExport   = @('Get-Empty')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
'@
    $emptyManifest
}

# ---------------------------------------------------------------- import time
$emptyFolder = Join-Path ([IO.Path]::GetTempPath()) "ScalekitAuth0.Bench.$PID"
try {
    Write-Host 'Import: building the empty module...'
    $emptyManifest = New-EmptyModule $emptyFolder
    # Each child also reports the processor time it used: on this shared machine the wall time of
    # a child swings with the load, its own CPU time far less.
    $ownCpu = '[Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalMilliseconds'
    $importModule = "Import-Module '$($manifest.Replace("'", "''"))'; $ownCpu"
    $importEmpty = "Import-Module '$($emptyManifest.Replace("'", "''"))'; $ownCpu"
    Write-Host "Import: $ImportRuns child processes each, in turn..."
    # Warm the disk cache and the runtime before timing.
    $null = Invoke-Child $importModule
    $null = Invoke-Child $importEmpty
    $moduleRuns = [System.Collections.Generic.List[object]]::new()
    $emptyRuns = [System.Collections.Generic.List[object]]::new()
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        $moduleRuns.Add((Invoke-Child $importModule))
        $emptyRuns.Add((Invoke-Child $importEmpty))
    }
}
finally {
    Remove-Item -LiteralPath $emptyFolder -Recurse -Force -ErrorAction Ignore
}
$module = @{ Wall = Get-Median $moduleRuns.Milliseconds; Cpu = Get-Median ($moduleRuns.Output | ForEach-Object { [double]$_ }) }
$empty = @{ Wall = Get-Median $emptyRuns.Milliseconds; Cpu = Get-Median ($emptyRuns.Output | ForEach-Object { [double]$_ }) }
$importLines = @(
    'Import-Module in a new pwsh -NoProfile, medians of {0} runs each (wall, and the CPU time of the child):' -f $ImportRuns
    'module: {0:F0} ms (CPU {1:F0} ms)' -f $module.Wall, $module.Cpu
    'empty module: {0:F0} ms (CPU {1:F0} ms)' -f $empty.Wall, $empty.Cpu
    'difference: {0:F0} ms (CPU {1:F0} ms)' -f ($module.Wall - $empty.Wall), ($module.Cpu - $empty.Cpu)
)
if ($ImportOnly) {
    $importLines | ForEach-Object { Write-Host $_ }
    return
}

$sandbox = Start-TestSandbox
try {
    $credentials = Get-SandboxEnvironment
    $results = [System.Collections.Generic.List[string]]::new()
    $quoted = $manifest.Replace("'", "''")

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
    $importLines | ForEach-Object { Write-Host $_ }
    Write-Host ''
    Write-Host (Format-Row '' 'module' 'baseline' '')
    $results | ForEach-Object { Write-Host $_ }
}
finally {
    Stop-TestSandbox
}
