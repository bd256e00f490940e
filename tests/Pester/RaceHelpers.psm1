<#
    Writers in separate pwsh processes (RaceWorker.ps1), for races the machine-wide lock must settle
    (tests/Pester/Races.Tests.ps1) and races between machines it cannot reach (bench/CrossMachine.Bench.ps1).
#>
Set-StrictMode -Version 3.0

# The PowerShell running this, as a command line for children: under `dotnet pwsh` the process is
# dotnet hosting pwsh.dll.
function Get-PwshCommandLine {
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -like 'dotnet*') { @($processPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @($processPath) }
}

# Starts a worker connected to the sandbox; returns once it is connected. -LockDirectory apart from
# the other workers' plays a writer on another machine.
function Start-RaceWorker {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Manifest,
        [Parameter(Mandatory)][hashtable]$Environment,
        [string]$LockDirectory,
        [int]$SettleBaseMs
    )
    $pwsh = @(Get-PwshCommandLine)
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'RaceWorker.ps1'), '-Manifest', $Manifest)
    if ($LockDirectory) { $arguments += '-LockDirectory', $LockDirectory }
    if ($SettleBaseMs) { $arguments += '-SettleBaseMs', [string]$SettleBaseMs }
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = [string]$Environment[$name] }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -ne 'ready') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The race worker did not start: it printed '$line'."
    }
    $process
}

# Gives every worker its command, each to start at the same moment plus its own delay; returns each
# worker's answer (outcome, verbose), in the order given.
function Invoke-RaceRound {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][System.Diagnostics.Process[]]$Worker,
        [Parameter(Mandatory)][string[]]$Command,
        [Parameter(Mandatory)][int[]]$DelayMs
    )
    # Far enough ahead that every worker has read its order before the moment comes.
    $startAt = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() + 300
    for ($i = 0; $i -lt $Worker.Count; $i++) {
        Send-RaceOrder $Worker[$i] $Command[$i] ($startAt + $DelayMs[$i])
    }
    foreach ($process in $Worker) { $process.StandardOutput.ReadLine() | ConvertFrom-Json }
}

# One command for one worker, to start at once or at -StartAt (unix milliseconds); its answer is
# the next line of its standard output.
function Send-RaceOrder {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][System.Diagnostics.Process]$Worker,
        [Parameter(Mandatory, Position = 1)][string]$Command,
        [Parameter(Position = 2)][long]$StartAt
    )
    $Worker.StandardInput.WriteLine((@{ command = $Command; startAt = $StartAt } | ConvertTo-Json -Compress))
    $Worker.StandardInput.Flush()
}

function Stop-RaceWorker {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)][System.Diagnostics.Process[]]$Worker)
    process {
        foreach ($process in $Worker) {
            if ($process.HasExited) { continue }
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(10000)) { $process.Kill() }
        }
    }
}

Export-ModuleMember -Function Start-RaceWorker, Invoke-RaceRound, Send-RaceOrder, Stop-RaceWorker
