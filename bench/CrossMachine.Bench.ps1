<#
.SYNOPSIS
    Measures what two writers of one connection can still lose when no lock reaches both: two
    machines, played by two processes whose write locks live in different folders.
.DESCRIPTION
    Not a test: it prints a table and exits 0 unless something breaks. Build first, then run it with
    the pinned PowerShell:

        dotnet pwsh ./build.ps1 Build
        dotnet pwsh bench/CrossMachine.Bench.ps1

    Writer A runs Add-HrdDomain a.example.com at t = 0, writer B Add-HrdDomain b.example.com at
    t = offset; the module's shipped settle window is used. Each scenario sets the sandbox's latency or
    fault on Auth0's connection PATCHes, sweeps the offset, and counts, per offset, the rounds that
    ended with a domain missing (and whose). Scenarios:

      slow-first-patch  the first connection PATCH to arrive takes -SlowMs longer (one writer stalled)
      slow-sweep        B starts 100 ms after A; the first PATCH's extra time is swept instead
      latency-all       every Auth0 API request takes -LatencyMs (both writers equally slow)
      429-first-patch   the first connection PATCH is answered 429 with Retry-After: 1
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)][int]$Repeat = 2,
    [ValidateRange(100, 10000)][int]$SlowMs = 1500,
    [ValidateRange(0, 2000)][int]$LatencyMs = 100,
    [ValidateRange(50, 1000)][int]$StepMs = 100
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/Pester/SandboxHelpers.psm1')
$manifest = Get-BuiltModuleManifest
Import-Module $manifest
Import-Module (Join-Path $root 'tests/Pester/RaceHelpers.psm1')

$sandbox = Start-TestSandbox
$lockRoot = Join-Path ([IO.Path]::GetTempPath()) "ScalekitAuth0-bench-$PID"
$workers = @()
try {
    $environment = Get-SandboxEnvironment
    $workers = @(foreach ($machine in 'a', 'b') { Start-RaceWorker -Manifest $manifest -Environment $environment -LockDirectory (Join-Path $lockRoot $machine) })
    $patches = @{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/' }

    function Invoke-Round([int]$OffsetMs, [hashtable]$Fault) {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -WarningAction SilentlyContinue
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        $null = New-ScalekitConnection -Name scalekit
        if ($Fault) { $null = Add-SandboxFault $Fault }
        $answers = @(Invoke-RaceRound -Worker $workers -DelayMs 0, $OffsetMs -Command @(
                'Add-HrdDomain -ConnectionName scalekit -Domain a.example.com'
                'Add-HrdDomain -ConnectionName scalekit -Domain b.example.com'))
        Clear-SandboxFault
        $aliases = @((Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit' | Select-Object -First 1).options.domain_aliases)
        $lost = @('a', 'b' | Where-Object { "$_.example.com" -notin $aliases })
        [pscustomobject]@{ Lost = $lost -join '+'; Errors = @($answers.outcome | Where-Object { $_ -ne 'ok' }) -join ', ' }
    }

    function Measure-Scenario([string]$Name, [int[]]$Values, [scriptblock]$Round) {
        foreach ($value in $Values) {
            $rounds = @(foreach ($i in 1..$Repeat) { & $Round $value })
            $lostRounds = @($rounds | Where-Object Lost)
            [pscustomobject]@{
                Scenario = $Name
                Value    = $value
                Rounds   = $rounds.Count
                Lost     = $lostRounds.Count
                Whose    = (@($lostRounds | ForEach-Object Lost) | Sort-Object -Unique) -join ' '
                Errors   = (@($rounds | ForEach-Object Errors | Where-Object { $_ }) | Sort-Object -Unique) -join ' '
            }
        }
    }

    $offsets = 0..[math]::Floor(($SlowMs + 500) / $StepMs) | ForEach-Object { $_ * $StepMs }
    $table = @(
        Measure-Scenario "slow-first-patch (+$SlowMs ms; value = B's offset, ms)" $offsets {
            param($offset) Invoke-Round $offset ($patches + @{ count = 1; kind = 'delay'; delayMs = $SlowMs })
        }
        Measure-Scenario 'slow-sweep (B at +100 ms; value = first PATCH''s extra ms)' (200, 400, 600, 800, 1000, 1200, 1500, 2000) {
            param($slow) Invoke-Round 100 ($patches + @{ count = 1; kind = 'delay'; delayMs = $slow })
        }
        Measure-Scenario "latency-all ($LatencyMs ms on every Auth0 API request; value = B's offset, ms)" (0..10 | ForEach-Object { $_ * $StepMs }) {
            param($offset) Invoke-Round $offset @{ service = 'auth0'; path = '/api/v2/'; kind = 'delay'; delayMs = $LatencyMs }
        }
        Measure-Scenario '429-first-patch (Retry-After: 1; value = B''s offset, ms)' (0, 250, 500, 750, 1000, 1250, 1500) {
            param($offset) Invoke-Round $offset ($patches + @{ count = 1; kind = 'status'; status = 429; retryAfter = '1' })
        }
    )
    $table | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
}
finally {
    $workers | Stop-RaceWorker
    Stop-TestSandbox
    Remove-Item -LiteralPath $lockRoot -Recurse -Force -ErrorAction Ignore
}
