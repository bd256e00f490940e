<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the ScalekitAuth0 module. Plain PowerShell, no task library.
.DESCRIPTION
    Whatever order the tasks are given in, they run as Clean, Build, Test, Package, Demo, Sandbox; Test,
    Package, Demo and Sandbox build first (once) unless -NoBuild. Sandbox runs the sandbox in the
    foreground until Ctrl+C and prints the lines that point another PowerShell session at it. Run it
    with the PowerShell pinned in .config/dotnet-tools.json:

        dotnet tool restore
        dotnet pwsh ./build.ps1 Test

    Output:
        output/ScalekitAuth0/<version>/   the module, allow-listed files only
        output/sandbox/                   the sandbox, started with `dotnet output/sandbox/ScalekitAuth0.Sandbox.dll`
        output/TestResults/               xunit.trx, pester.xml (JUnit)
        output/packages/                  ScalekitAuth0.<version>.nupkg, ScalekitAuth0.zip (Azure Automation)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Sandbox', 'Clean')]
    [string[]]$Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',

    # Use what output/ already holds instead of building first (e.g. a second Sandbox after a Build).
    [switch]$NoBuild
)

$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
# Exit codes of dotnet are checked explicitly below, where a failure means different things.
$PSNativeCommandUseErrorActionPreference = $false
Set-StrictMode -Version 3.0

$ModuleName = 'ScalekitAuth0'
$Root = $PSScriptRoot
$Output = Join-Path $Root 'output'
$PublishDir = Join-Path $Output 'obj/module'
$SandboxDir = Join-Path $Output 'sandbox'
$ResultsDir = Join-Path $Output 'TestResults'
$PackagesDir = Join-Path $Output 'packages'
$ModuleSource = Join-Path $Root "src/$ModuleName"
$PesterTests = Join-Path $Root 'tests/Pester'
$TestProject = Join-Path $Root "tests/$ModuleName.Tests"
$DemoScript = Join-Path $Root "examples/Setup-$ModuleName.ps1"
$HelpGenerator = Join-Path $Root 'tools/New-MamlHelp.ps1'
$PackageScript = Join-Path $Root 'tools/New-ModulePackage.ps1'

# The module ships these files and nothing else (never System.Management.Automation.dll, deps.json or pdb).
$RequiredFromPublish = @("$ModuleName.dll", 'Newtonsoft.Json.dll')
$OptionalFromSource = @("$ModuleName.format.ps1xml", 'en-US')

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw -Path (Join-Path $Root 'Directory.Build.props'))
    $node = $props.SelectSingleNode('/Project/PropertyGroup/ModuleVersion')
    if (-not $node) { throw 'Directory.Build.props sets no <ModuleVersion>.' }
    $node.InnerText.Trim()
}

$Version = Get-ModuleVersion
$ModuleOut = Join-Path $Output "$ModuleName/$Version"
$ManifestOut = Join-Path $ModuleOut "$ModuleName.psd1"

function Write-Step([string]$Message) {
    Write-Host "==> $Message"
}

# Runs a native command with its output on the console; returns its exit code.
function Invoke-Native([string]$FilePath, [string[]]$ArgumentList) {
    Write-Host "> $FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList | Out-Host
    $LASTEXITCODE
}

function Invoke-NativeChecked([string]$FilePath, [string[]]$ArgumentList) {
    $code = Invoke-Native $FilePath $ArgumentList
    if ($code -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $code." }
}

function Reset-Directory([string]$Path) {
    Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction Ignore
    New-Item -ItemType Directory -Path $Path -Force | Out-Null
}

function Assert-File([string]$Path, [string]$Why) {
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw "Missing $Path ($Why)." }
}

# Sets environment variables for the duration of $ScriptBlock and restores them after,
# so that running a task from an interactive session does not leave them behind.
function Invoke-WithEnvironment([hashtable]$Variables, [scriptblock]$ScriptBlock) {
    $saved = @{}
    foreach ($name in $Variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Variables[$name])
    }
    try { & $ScriptBlock }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# ---------------------------------------------------------------- Clean

function Invoke-CleanTask {
    Write-Step 'Clean'
    $projectOutputs = Get-ChildItem -Path (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Directory |
        ForEach-Object { Join-Path $_.FullName 'bin'; Join-Path $_.FullName 'obj' }
    foreach ($path in @($Output) + @($projectOutputs)) {
        Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction Ignore
    }
}

# ---------------------------------------------------------------- Build

function Invoke-BuildTask {
    Write-Step "Build $ModuleName $Version ($Configuration)"
    Invoke-NativeChecked dotnet @('publish', $ModuleSource, '-c', $Configuration, '-o', $PublishDir, '--nologo')
    Reset-Directory (Split-Path $ModuleOut)
    New-Item -ItemType Directory -Path $ModuleOut | Out-Null
    Copy-ModuleFile
    Write-ModuleManifest
    Write-MamlHelp

    Write-Step 'Build the sandbox'
    Invoke-NativeChecked dotnet @('build', (Join-Path $Root "src/$ModuleName.Sandbox"), '-c', $Configuration, '-o', $SandboxDir, '--nologo')

    Test-ModuleManifest -Path $ManifestOut | Out-Null
    Write-Host "Module: $ModuleOut"
    Get-ChildItem -Path $ModuleOut -Recurse -File | ForEach-Object { Write-Host "  $([IO.Path]::GetRelativePath($ModuleOut, $_.FullName))" }
}

function Copy-ModuleFile {
    foreach ($name in $RequiredFromPublish) {
        $path = Join-Path $PublishDir $name
        Assert-File $path 'dotnet publish must produce it'
        Copy-Item -LiteralPath $path -Destination $ModuleOut
    }
    foreach ($name in $OptionalFromSource) {
        $path = Join-Path $ModuleSource $name
        if (Test-Path -LiteralPath $path) { Copy-Item -LiteralPath $path -Destination $ModuleOut -Recurse }
    }
}

function Write-ModuleManifest {
    $template = Join-Path $Root "$ModuleName.psd1"
    Assert-File $template 'the manifest template'
    $text = (Get-Content -Raw -LiteralPath $template).Replace('{{ModuleVersion}}', $Version)
    Set-Content -LiteralPath $ManifestOut -Value $text -Encoding utf8NoBOM -NoNewline
}

# The cmdlets' help is generated from their [CmdletHelp]/[CmdletExample]/HelpMessage attributes,
# in a child pwsh so that the dll it loads never locks files of this process.
function Write-MamlHelp {
    $helpFile = Join-Path $ModuleOut "en-US/$ModuleName.dll-help.xml"
    Invoke-NativeChecked dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', $HelpGenerator,
        '-ManifestPath', $ManifestOut, '-OutputPath', $helpFile)
}

# ---------------------------------------------------------------- Test

# One runner's outcome. A runner that produced no result counts as one failure.
function New-RunnerResult([string]$Runner, [int]$Passed, [int]$Failed, [string]$Problem) {
    [pscustomobject]@{ Runner = $Runner; Passed = $Passed; Failed = $Failed; Problem = $Problem }
}

function Invoke-TestTask {
    Reset-Directory $ResultsDir
    $results = @(Invoke-Xunit; Invoke-PesterSuite)

    Write-Step 'Test results'
    foreach ($result in $results) {
        $note = if ($result.Problem) { " ($($result.Problem))" } else { '' }
        Write-Host "$($result.Runner): $($result.Passed) passed, $($result.Failed) failed$note"
    }
    $passed = ($results | Measure-Object -Property Passed -Sum).Sum
    $failed = ($results | Measure-Object -Property Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    $failed -eq 0
}

function Invoke-Xunit {
    Write-Step 'xunit'
    $trx = Join-Path $ResultsDir 'xunit.trx'
    $code = Invoke-Native dotnet @('test', $TestProject, '-c', $Configuration, '--nologo',
        '--logger', 'trx;LogFileName=xunit.trx', '--results-directory', $ResultsDir)
    if (-not (Test-Path -LiteralPath $trx)) {
        return New-RunnerResult 'xunit' 0 1 "dotnet test exited with $code and wrote no trx"
    }
    $counters = ([xml](Get-Content -Raw -LiteralPath $trx)).TestRun.ResultSummary.Counters
    $passed = [int]$counters.GetAttribute('passed')
    $failed = ('failed', 'error', 'timeout', 'aborted' | ForEach-Object { [int]$counters.GetAttribute($_) } | Measure-Object -Sum).Sum
    if ($code -ne 0 -and $failed -eq 0) {
        return New-RunnerResult 'xunit' $passed 1 "dotnet test exited with $code but the trx records no failure"
    }
    New-RunnerResult 'xunit' $passed $failed
}

# Pester runs in a child pwsh so that the binary module the tests import never loads into (and locks
# files of) this process.
function Invoke-PesterSuite {
    Write-Step 'Pester'
    if (-not (Get-ChildItem -Path $PesterTests -Recurse -Filter '*.Tests.ps1' -ErrorAction Ignore)) {
        return New-RunnerResult 'Pester' 0 0 'no test files'
    }
    $countFile = Join-Path $ResultsDir 'pester-counts.json'
    $code = Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/Invoke-PesterSuite.ps1'),
        '-PesterModule', (Get-PesterModulePath), '-Path', $PesterTests,
        '-JUnitXml', (Join-Path $ResultsDir 'pester.xml'), '-CountFile', $countFile)
    if (-not (Test-Path -LiteralPath $countFile)) {
        return New-RunnerResult 'Pester' 0 1 "the Pester process exited with $code and wrote no counts"
    }
    $counts = Get-Content -Raw -LiteralPath $countFile | ConvertFrom-Json
    New-RunnerResult 'Pester' $counts.passed $counts.failed
}

# Pester is fetched by the test project (<PackageDownload>), which names the one version we use.
function Get-PesterModulePath {
    $project = [xml](Get-Content -Raw -LiteralPath (Join-Path $TestProject "$ModuleName.Tests.csproj"))
    $download = $project.SelectSingleNode("/Project/ItemGroup/PackageDownload[@Include='Pester']")
    if (-not $download) { throw "The test project has no <PackageDownload Include=`"Pester`">." }
    $pesterVersion = $download.GetAttribute('Version').Trim('[', ']')
    $path = Join-Path (Get-NuGetPackageFolder) "pester/$pesterVersion/tools/Pester.psd1"
    Assert-File $path "Pester $pesterVersion; 'dotnet restore $TestProject' downloads it"
    $path
}

function Get-NuGetPackageFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    foreach ($line in (dotnet nuget locals global-packages --list)) {
        if ($line -match '^global-packages:\s*(.+)$') { return $Matches[1].Trim() }
    }
    throw "'dotnet nuget locals global-packages --list' did not name the packages folder."
}

# ---------------------------------------------------------------- Package

function Invoke-PackageTask {
    Write-Step "Package $ModuleName $Version"
    Reset-Directory $PackagesDir
    & $PackageScript -ModuleFolder $ModuleOut -Destination $PackagesDir
    Get-ChildItem -Path $PackagesDir -File | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

# ---------------------------------------------------------------- Demo

function Invoke-DemoTask {
    Write-Step 'Demo'
    if (-not (Test-Path -LiteralPath $DemoScript)) {
        throw "The Demo task runs examples/Setup-$ModuleName.ps1, which does not exist yet; the sandbox was not started."
    }
    Import-Module (Join-Path $PesterTests 'SandboxHelpers.psm1') -Force
    $sandbox = Start-TestSandbox
    try {
        Write-Host "Sandbox: Auth0 at $($sandbox.Auth0Url), Scalekit at $($sandbox.ScalekitUrl)"
        $environment = Get-SandboxEnvironment -Sandbox $sandbox
        # In real life a customer's IT admin sets up its SSO connection in Scalekit's Admin Portal. Here
        # Acme (onboarded earlier, so the script finds it) has done so; Globex has not, so the demo shows
        # one login reaching its identity provider and one stopping at Scalekit.
        $acme = Invoke-SandboxScalekitApi api/v1/organizations -Method POST -Body @{ display_name = 'Acme Corporation'; external_id = 'acme' } -Sandbox $sandbox
        $null = Add-SandboxSsoConnection -OrganizationId $acme.organization.id -Sandbox $sandbox
        # So that the script's own `Import-Module ScalekitAuth0` finds the module just built.
        $environment.PSModulePath = $Output + [IO.Path]::PathSeparator + $env:PSModulePath
        $command = "Import-Module -Name '$(ConvertTo-Literal $ManifestOut)' -ErrorAction Stop; & '$(ConvertTo-Literal $DemoScript)'"
        $code = Invoke-WithEnvironment $environment {
            Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $command)
        }
        if ($code -ne 0) { throw "The demo script failed with exit code $code." }
    }
    finally {
        Stop-TestSandbox -Sandbox $sandbox
    }
}

function ConvertTo-Literal([string]$Path) {
    $Path.Replace("'", "''")
}

# ---------------------------------------------------------------- Sandbox

# In the foreground until Ctrl+C (which stops the pipeline and runs the finally), or until the sandbox
# exits: a terminal's Ctrl+C reaches the sandbox too, and it then exits 0 on its own.
function Invoke-SandboxTask {
    Write-Step 'Sandbox'
    Import-Module (Join-Path $PesterTests 'SandboxHelpers.psm1') -Force
    $sandbox = Start-TestSandbox
    $waitingForCtrlC = $false
    try {
        Write-Host "Sandbox (process $($sandbox.Process.Id)): Auth0 at $($sandbox.Auth0Url), Scalekit at $($sandbox.ScalekitUrl)"
        Write-Host 'In another terminal, start `dotnet pwsh` and paste these lines (sandbox credentials, valid until it stops):'
        Write-Host ''
        Get-SandboxSessionLine -Environment (Get-SandboxEnvironment -Sandbox $sandbox) | ForEach-Object { Write-Host "    $_" }
        Write-Host ''
        Write-Host "Then run an example, e.g. ./examples/Setup-$ModuleName.ps1 from this folder. Press Ctrl+C here to stop the sandbox."
        # Start-Sleep, not a blocking wait: Ctrl+C stops PowerShell between commands, never inside a .NET call.
        $waitingForCtrlC = $true
        while (-not $sandbox.Process.HasExited) { Start-Sleep -Milliseconds 200 }
        $waitingForCtrlC = $false
        if ($sandbox.Process.ExitCode -ne 0) { throw "The sandbox exited with code $($sandbox.Process.ExitCode)." }
    }
    finally {
        Stop-TestSandbox -Sandbox $sandbox
        Write-Host 'Sandbox stopped.'
        # After Ctrl+C, PowerShell exits 0 or 1 depending on where the signal landed; stopping is how this task ends, so say 0.
        if ($waitingForCtrlC) { exit 0 }
    }
}

# What Demo sets for its child, as PowerShell lines to paste: the sandbox's variables, output/ first on
# PSModulePath (so the examples' own `Import-Module ScalekitAuth0` finds this build), and the import.
function Get-SandboxSessionLine([hashtable]$Environment) {
    foreach ($name in $Environment.Keys | Sort-Object) {
        "`$env:$name = '$(ConvertTo-Literal $Environment[$name])'"
    }
    "`$env:PSModulePath = '$(ConvertTo-Literal $Output)' + [IO.Path]::PathSeparator + `$env:PSModulePath"
    "Import-Module '$(ConvertTo-Literal $ManifestOut)'"
}

# ---------------------------------------------------------------- Main

# Returns $false when tests failed; throws when a step could not be done.
function Invoke-Task {
    if ($NoBuild -and ($Task | Where-Object { $_ -in 'Build', 'Clean' })) {
        throw '-NoBuild skips the build that Test, Package, Demo and Sandbox start with; it cannot be given with Build or Clean.'
    }
    if ('Clean' -in $Task) { Invoke-CleanTask }
    if (-not $NoBuild -and ($Task | Where-Object { $_ -ne 'Clean' })) { Invoke-BuildTask }
    if ('Test' -in $Task -and -not (Invoke-TestTask)) { return $false }
    if ('Package' -in $Task) { Invoke-PackageTask }
    if ('Demo' -in $Task) { Invoke-DemoTask }
    if ('Sandbox' -in $Task) { Invoke-SandboxTask }
    $true
}

try {
    if (-not (Invoke-Task)) { exit 1 }
}
catch {
    # One plain message rather than a coloured error record: this is read in CI logs.
    Write-Host "build.ps1 $($Task -join ',') failed: $($_.Exception.Message)"
    Write-Host $_.ScriptStackTrace
    exit 1
}
