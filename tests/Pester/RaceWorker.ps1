<#
    A writer in its own pwsh process, for races between processes (tests/Pester/Races.Tests.ps1) and
    between machines (bench/CrossMachine.Bench.ps1). Started by Start-RaceWorker (RaceHelpers.psm1)
    with the sandbox in the conventional environment variables. Prints 'ready', then reads one order
    a line ({"command","startAt"}: unix milliseconds), runs the command at that moment and prints one
    JSON line: {"outcome": "ok" | "error <ErrorId>", "verbose": [...]}.
#>
param(
    [Parameter(Mandatory)][string]$Manifest,
    # Another folder than other processes' plays a writer on another machine: no lock in common.
    [string]$LockDirectory,
    [int]$SettleBaseMs
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Manifest
$assembly = [ScalekitAuth0.Commands.AddHrdDomainCommand].Assembly
$internal = [Reflection.BindingFlags]'Static,NonPublic'
if ($LockDirectory) { $assembly.GetType('ScalekitAuth0.Http.WriteLock').GetProperty('Directory', $internal).SetValue($null, $LockDirectory) }
if ($SettleBaseMs) { $assembly.GetType('ScalekitAuth0.Http.CheckedWrite').GetProperty('DefaultSettleBase', $internal).SetValue($null, [TimeSpan]::FromMilliseconds($SettleBaseMs)) }
Connect-Auth0 -WarningAction SilentlyContinue
Connect-Scalekit
[Console]::Out.WriteLine('ready')
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $order = $line | ConvertFrom-Json
    $work = [scriptblock]::Create($order.command)
    $wait = $order.startAt - [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    if ($wait -gt 0) { Start-Sleep -Milliseconds $wait }
    $verbose = [System.Collections.Generic.List[string]]::new()
    try {
        $VerbosePreference = 'Continue'
        & $work 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose.Add($_.Message) } }
        $outcome = 'ok'
    }
    catch {
        $outcome = "error $($_.FullyQualifiedErrorId -replace ',.*$')"
    }
    finally {
        $VerbosePreference = 'SilentlyContinue'
    }
    [Console]::Out.WriteLine((@{ outcome = $outcome; verbose = $verbose } | ConvertTo-Json -Compress))
}
