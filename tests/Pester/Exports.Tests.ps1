# The manifest lists cmdlets explicitly (no wildcard, for fast discovery and Azure Automation); this keeps
# that list and the dll's cmdlets the same, both ways.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $module = Get-Module -Name ScalekitAuth0
    $listed = (Import-PowerShellDataFile -Path $ModuleManifestPath).CmdletsToExport
    $defined = $module.ImplementingAssembly.GetTypes() |
        Where-Object { -not $_.IsAbstract -and [System.Management.Automation.Cmdlet].IsAssignableFrom($_) } |
        ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
        ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
}

Describe 'The cmdlets of ScalekitAuth0.dll' {
    It 'include every cmdlet the manifest lists' {
        $missing = $listed | Where-Object { $_ -notin $module.ExportedCmdlets.Keys }
        $missing | Should -BeNullOrEmpty -Because 'the manifest exports them, so the dll must define them'
    }

    It 'are all listed in the manifest' {
        $unlisted = $defined | Where-Object { $_ -notin $listed }
        $unlisted | Should -BeNullOrEmpty -Because 'a cmdlet missing from CmdletsToExport is invisible to users'
    }
}
