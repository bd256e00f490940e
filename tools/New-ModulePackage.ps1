<#
.SYNOPSIS
    Packages a built module folder: the nupkg for a PowerShell repository and the zip Azure Automation imports.
.DESCRIPTION
    build.ps1 Package runs this on output/ScalekitAuth0/<version>/. It is a script of its own so that
    tests/Pester/Package.Tests.ps1 can package the module the suite already imported, into a
    temporary folder, without a rebuild replacing the dll under the test process.
#>
[CmdletBinding()]
param(
    # The built module: <anything>/<ModuleName>/<version>/, holding <ModuleName>.psd1.
    [Parameter(Mandatory)][string]$ModuleFolder,
    # Where ScalekitAuth0.<version>.nupkg and ScalekitAuth0.zip go; created if missing.
    [Parameter(Mandatory)][string]$Destination
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModuleFolder = [IO.Path]::GetFullPath($ModuleFolder)
$Destination = [IO.Path]::GetFullPath($Destination)
$version = Split-Path -Leaf $ModuleFolder
$moduleName = Split-Path -Leaf (Split-Path -Parent $ModuleFolder)
New-Item -ItemType Directory -Path $Destination -Force | Out-Null

# Publish-PSResource writes only to a registered repository: register the destination under a
# throw-away name, and always unregister it, so nothing is left in the user's repository list.
function Publish-ModuleNupkg {
    $repository = "$moduleName-build-$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repository -Uri $Destination -Trusted
    try {
        Publish-PSResource -Path $ModuleFolder -Repository $repository -SkipDependenciesCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
}

# Azure Automation wants <ModuleName>.zip holding <ModuleName>/<version>/...; entries are named
# here with '/' so the zip is the same whichever OS builds it (Windows PowerShell's
# Compress-Archive writes '\', which the portal may not accept).
function New-AutomationZip {
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $zipPath = Join-Path $Destination "$moduleName.zip"
    Remove-Item -LiteralPath $zipPath -ErrorAction Ignore
    $zip = [IO.Compression.ZipFile]::Open($zipPath, [IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in Get-ChildItem -Path $ModuleFolder -Recurse -File) {
            $relative = [IO.Path]::GetRelativePath($ModuleFolder, $file.FullName).Replace('\', '/')
            $entry = "$moduleName/$version/$relative"
            [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $entry, [IO.Compression.CompressionLevel]::Optimal) | Out-Null
        }
    }
    finally {
        $zip.Dispose()
    }
}

Publish-ModuleNupkg
New-AutomationZip
