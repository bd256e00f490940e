# PSScriptAnalyzer is not available here, so its cmdlet-design rules are checked by reflecting over the
# built module instead. Each test lists the offending cmdlets or parameters, so a failure says what to fix.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $commands = @(Get-Command -Module ScalekitAuth0 -CommandType Cmdlet)
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # Verbs whose cmdlets change state somewhere (PSScriptAnalyzer's UseShouldProcessForStateChangingFunctions,
    # widened to every approved verb that writes). Connect/Disconnect only change this session.
    $writingVerbs = 'New', 'Set', 'Remove', 'Add', 'Sync', 'Enable', 'Disable', 'Update', 'Clear', 'Reset',
        'Rename', 'Move', 'Copy', 'Import', 'Register', 'Unregister', 'Start', 'Stop', 'Restart',
        'Publish', 'Unpublish', 'Grant', 'Revoke', 'Install', 'Uninstall', 'Initialize'

    function Get-CmdletDeclaration([System.Management.Automation.CmdletInfo]$Command) {
        $Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
    }

    # The module's own parameters, each with its cmdlet, e.g. 'Connect-Auth0 -ClientSecret'.
    $parameters = @($commands | ForEach-Object {
            $command = $_
            $command.Parameters.Values | Where-Object Name -NotIn $common | ForEach-Object {
                [pscustomobject]@{ Command = $command.Name; Parameter = $_; Display = "$($command.Name) -$($_.Name)" }
            }
        })
}

Describe 'The cmdlets follow the PowerShell design rules' {
    It 'checks every cmdlet the manifest exports' {
        $listed = (Import-PowerShellDataFile -Path $ModuleManifestPath).CmdletsToExport
        $commands.Name | Should -Not -BeNullOrEmpty
        $commands.Name | Where-Object { $_ -notin $listed } | Should -BeNullOrEmpty
    }

    It 'use approved verbs only' {
        $approved = (Get-Verb).Verb
        $commands | Where-Object Verb -NotIn $approved | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'use singular nouns' {
        # The noun's last word (CamelCase) must not be a plural: ends in s, but not ss/us/is (Class, Status, Analysis).
        $plural = $commands | Where-Object {
            $lastWord = ($_.Noun -csplit '(?=[A-Z])')[-1]
            $lastWord -match 's$' -and $lastWord -notmatch '(ss|us|is)$'
        }
        $plural.Name | Should -BeNullOrEmpty
    }

    It 'support -WhatIf and -Confirm whenever their verb writes' {
        $writers = $commands | Where-Object Verb -In $writingVerbs
        $writers | Should -Not -BeNullOrEmpty
        $writers | Where-Object { -not (Get-CmdletDeclaration $_).SupportsShouldProcess } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'ask before deleting: ConfirmImpact High on every Remove' {
        $removers = $commands | Where-Object Verb -EQ 'Remove'
        $removers | Should -Not -BeNullOrEmpty
        $removers | Where-Object { (Get-CmdletDeclaration $_).ConfirmImpact -ne 'High' } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'declare what they write with [OutputType]' {
        $commands | Where-Object { $_.OutputType.Count -eq 0 } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'take no secret as a plain string' {
        $secretLike = $parameters | Where-Object { $_.Parameter.Name -match 'Secret|Password|Passphrase|Token|Credential|Key' }
        $secretLike | Should -Not -BeNullOrEmpty -Because 'Connect-Auth0 takes -ClientSecret, -Credential and -AccessToken'
        $plain = $secretLike | Where-Object { $_.Parameter.ParameterType -in [string], [string[]], [object], [object[]] }
        $plain.Display | Should -BeNullOrEmpty -Because 'secrets are SecureString or PSCredential, so they are never echoed or logged'
    }

    It 'explain every parameter with a HelpMessage, in every parameter set' {
        $undocumented = $parameters | Where-Object {
            $_.Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and [string]::IsNullOrWhiteSpace($_.HelpMessage) }
        }
        $undocumented.Display | Should -BeNullOrEmpty
    }
}
