BeforeAll {
    . $PSScriptRoot/Common.ps1
    $moduleFolder = Split-Path -Parent $ModuleManifestPath
    $manifest = Test-ModuleManifest -Path $ModuleManifestPath
    $declared = Import-PowerShellDataFile -Path $ModuleManifestPath
}

Describe 'The built ScalekitAuth0 module' {
    It 'imports from the build output, at the version of Directory.Build.props' {
        $module = Get-Module -Name ScalekitAuth0
        $module | Should -HaveCount 1
        $module.ModuleBase | Should -Be $moduleFolder
        $module.Version | Should -Be ([version]$ModuleVersion)
    }

    It 'ships only the allow-listed files' {
        $shipped = Get-ChildItem -Path $moduleFolder -Recurse -File |
            ForEach-Object { [IO.Path]::GetRelativePath($moduleFolder, $_.FullName).Replace('\', '/') }
        $unexpected = $shipped | Where-Object {
            $_ -notin 'ScalekitAuth0.dll', 'Newtonsoft.Json.dll', 'ScalekitAuth0.psd1', 'ScalekitAuth0.format.ps1xml' -and
            $_ -notlike 'en-US/*'
        }
        $unexpected | Should -BeNullOrEmpty
        $shipped | Should -Not -Contain 'System.Management.Automation.dll'
    }
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest | Should -Not -BeNullOrEmpty
        $manifest.RootModule | Should -Be 'ScalekitAuth0.dll'
    }

    It 'runs on Windows PowerShell 5.1 (Desktop) and PowerShell 7 (Core)' {
        $manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $declared.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'lists exactly the cmdlets of the design' {
        $design = @(
            'Connect-Auth0', 'Disconnect-Auth0', 'Connect-Scalekit', 'Disconnect-Scalekit', 'Get-Auth0Context', 'Get-ScalekitContext',
            'New-ScalekitConnection', 'Get-ScalekitConnection', 'Set-ScalekitConnection', 'Remove-ScalekitConnection',
            'Enable-ScalekitConnection', 'Disable-ScalekitConnection',
            'Get-Auth0CallbackUrl', 'Sync-ScalekitRedirectUri', 'Get-ScalekitRedirectUri', 'Remove-ScalekitRedirectUri',
            'Add-HrdDomain', 'Get-HrdDomain', 'Remove-HrdDomain', 'Sync-HrdDomain',
            'New-ScalekitOrganization', 'Get-ScalekitOrganization', 'Set-ScalekitOrganization', 'Remove-ScalekitOrganization',
            'New-ScalekitPortalLink', 'Get-ScalekitSsoConnection', 'Get-Auth0LoginPrompt', 'Set-Auth0LoginPrompt',
            'Test-ScalekitAuth0Integration', 'Test-ScalekitAuth0Login'
        )
        $declared.CmdletsToExport | Sort-Object | Should -Be ($design | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        $declared.FunctionsToExport | Should -BeNullOrEmpty
        $declared.AliasesToExport | Should -BeNullOrEmpty
        $declared.VariablesToExport | Should -BeNullOrEmpty
    }
}

# Each case runs in a new pwsh: the TLS setting and the AssemblyResolve handler are process-wide,
# and this process imported the module long ago.
Describe 'Import-Module and Remove-Module, for Windows PowerShell 5.1' {
    BeforeAll {
        $pwsh = Get-ChildPowerShell
        $quoted = $ModuleManifestPath.Replace("'", "''")
        function Invoke-ChildScript([string]$Script) {
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Script 2>&1
            if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $output" }
            "$output".Trim()
        }
        $lifecycle = "(Get-Module ScalekitAuth0).ImplementingAssembly.GetType('ScalekitAuth0.Loading.ModuleLifecycle')"
    }

    It 'adds TLS 1.2 and 1.3 to what the process allows, keeping TLS 1.0' {
        $allowed = Invoke-ChildScript "[Net.ServicePointManager]::SecurityProtocol = 'Tls'; Import-Module '$quoted'; [Net.ServicePointManager]::SecurityProtocol"
        $allowed | Should -Be 'Tls, Tls12, Tls13'
    }

    It 'leaves SystemDefault to the operating system' {
        Invoke-ChildScript "Import-Module '$quoted'; [Net.ServicePointManager]::SecurityProtocol" | Should -Be 'SystemDefault'
    }

    It 'registers the Newtonsoft.Json resolver on import and removes it with the module' {
        $states = Invoke-ChildScript @"
Import-Module '$quoted'
`$type = $lifecycle
`$flag = `$type.GetProperty('ResolverRegistered', [Reflection.BindingFlags]'NonPublic, Static')
`$imported = `$flag.GetValue(`$null)
Remove-Module ScalekitAuth0
`$removed = `$flag.GetValue(`$null)
Import-Module '$quoted'
"`$imported `$removed `$(`$flag.GetValue(`$null))"
"@
        $states | Should -Be 'True False True'
    }
}
