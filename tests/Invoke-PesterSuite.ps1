<#
.SYNOPSIS
    Runs the Pester suite; build.ps1 starts it in its own pwsh process and reads the counts it writes.
.DESCRIPTION
    A separate process, so that the binary module the tests import is never loaded into the build
    process. Failed counts failed tests, failed BeforeAll/AfterAll blocks and failed containers
    (files that did not load), as Pester's own exit code does.
#>
param(
    [Parameter(Mandatory)][string]$PesterModule,
    [Parameter(Mandatory)][string]$Path,
    [Parameter(Mandatory)][string]$JUnitXml,
    [Parameter(Mandatory)][string]$CountFile
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterModule

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = $JUnitXml

$result = Invoke-Pester -Configuration $configuration

[ordered]@{
    passed  = $result.PassedCount
    failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    skipped = $result.SkippedCount
    notRun  = $result.NotRunCount
    result  = $result.Result
} | ConvertTo-Json | Set-Content -LiteralPath $CountFile -Encoding utf8NoBOM
