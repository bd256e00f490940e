# What build.ps1 Package makes, checked on the module this suite imported: the zip Azure Automation
# imports and the nupkg. Made by the same script build.ps1 runs (tools/New-ModulePackage.ps1), into
# TestDrive, so that no rebuild replaces the dll this process has loaded.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $moduleFolder = Split-Path -Parent $ModuleManifestPath
    $packages = Join-Path $TestDrive 'packages'
    & (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1') -ModuleFolder $moduleFolder -Destination $packages

    function Get-ZipEntryName([string]$Path) {
        $zip = [IO.Compression.ZipFile]::OpenRead($Path)
        try { $zip.Entries.FullName } finally { $zip.Dispose() }
    }

    $zipPath = Join-Path $packages 'ScalekitAuth0.zip'
    $entries = @(Get-ZipEntryName $zipPath)
    $moduleFiles = @(Get-ChildItem -Path $moduleFolder -Recurse -File |
            ForEach-Object { [IO.Path]::GetRelativePath($moduleFolder, $_.FullName).Replace('\', '/') })

    $expanded = Join-Path $TestDrive 'expanded'
    [IO.Compression.ZipFile]::ExtractToDirectory($zipPath, $expanded)
    $expandedManifest = Join-Path $expanded "ScalekitAuth0/$ModuleVersion/ScalekitAuth0.psd1"
}

Describe 'The Azure Automation zip' {
    It 'holds ScalekitAuth0/(version)/ScalekitAuth0.psd1, named with forward slashes' {
        $entries | Should -Contain "ScalekitAuth0/$ModuleVersion/ScalekitAuth0.psd1"
        $entries | Where-Object { $_ -match '\\' } | Should -BeNullOrEmpty
    }

    It 'holds the module files and nothing else' {
        $expected = $moduleFiles | ForEach-Object { "ScalekitAuth0/$ModuleVersion/$_" }
        $entries | Sort-Object | Should -Be ($expected | Sort-Object)
        $entries | Should -Contain "ScalekitAuth0/$ModuleVersion/ScalekitAuth0.dll"
        $entries | Should -Contain "ScalekitAuth0/$ModuleVersion/en-US/ScalekitAuth0.dll-help.xml"
    }

    It 'keeps every path under the 140 characters Azure Automation allows' {
        $entries | Where-Object { $_.Length -ge 140 } | Should -BeNullOrEmpty
    }

    It 'carries the very dll and manifest that were built' {
        foreach ($name in 'ScalekitAuth0.dll', 'ScalekitAuth0.psd1') {
            $shipped = Join-Path $expanded "ScalekitAuth0/$ModuleVersion/$name"
            (Get-FileHash -LiteralPath $shipped).Hash | Should -Be (Get-FileHash -LiteralPath (Join-Path $moduleFolder $name)).Hash -Because $name
        }
    }
}

Describe 'The packaged manifest' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $expandedManifest
        $declared = Import-PowerShellDataFile -Path $expandedManifest
    }

    It 'passes Test-ModuleManifest at the built version' {
        $manifest.Version | Should -Be ([version]$ModuleVersion)
        $manifest.RootModule | Should -Be 'ScalekitAuth0.dll'
    }

    It 'declares Windows PowerShell 5.1 (Desktop) and PowerShell 7 (Core)' {
        $declared.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $declared.PowerShellVersion | Should -Be '5.1'
    }

    # Exports.Tests.ps1 checks that the list and the dll's cmdlets are the same.
    It 'lists its cmdlets by name, without a wildcard, and exports nothing else' {
        $declared.CmdletsToExport | Should -Not -BeNullOrEmpty
        $declared.CmdletsToExport | Where-Object { [WildcardPattern]::ContainsWildcardCharacters($_) } | Should -BeNullOrEmpty
        $declared.FunctionsToExport, $declared.AliasesToExport, $declared.VariablesToExport | ForEach-Object { $_ | Should -BeNullOrEmpty }
    }
}

Describe 'The nupkg' {
    It 'is named for the version and holds the manifest and the dll at its root' {
        $nupkg = Join-Path $packages "ScalekitAuth0.$ModuleVersion.nupkg"
        $nupkgEntries = Get-ZipEntryName $nupkg
        $nupkgEntries | Should -Contain 'ScalekitAuth0.psd1'
        $nupkgEntries | Should -Contain 'ScalekitAuth0.dll'
        $nupkgEntries | Should -Contain 'en-US/ScalekitAuth0.dll-help.xml'
    }
}
