# Dot-source from each test file's BeforeAll:   BeforeAll { . $PSScriptRoot/Common.ps1 }
# Imports the module as built (output/ScalekitAuth0/<version>/, from `dotnet pwsh ./build.ps1 Build`)
# and the sandbox helpers, and sets $RepoRoot, $ModuleVersion and $ModuleManifestPath.
$RepoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$ModuleVersion = ([xml](Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props'))).
    SelectSingleNode('/Project/PropertyGroup/ModuleVersion').InnerText.Trim()
$ModuleManifestPath = Join-Path $RepoRoot "output/ScalekitAuth0/$ModuleVersion/ScalekitAuth0.psd1"
if (-not (Test-Path -LiteralPath $ModuleManifestPath)) {
    throw "The module is not built ($ModuleManifestPath is missing). Run 'dotnet pwsh ./build.ps1 Build' first."
}
Import-Module -Name $ModuleManifestPath -ErrorAction Stop
Import-Module -Name (Join-Path $PSScriptRoot 'SandboxHelpers.psm1') -ErrorAction Stop
Import-Module -Name (Join-Path $PSScriptRoot 'WorkflowHelpers.psm1') -ErrorAction Stop
