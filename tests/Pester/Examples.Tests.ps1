# The scripts in examples/ run as users run them, against the sandbox: by module name (the build output
# goes first on PSModulePath), the setup script from the environment variables, the runbook with Azure
# Automation's asset commands replaced by test doubles.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $examples = Join-Path $RepoRoot 'examples'

    $savedEnvironment = @{}
    function Set-TestEnvironment([hashtable]$Variables) {
        foreach ($name in $Variables.Keys) {
            if (-not $savedEnvironment.ContainsKey($name)) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
            [Environment]::SetEnvironmentVariable($name, $Variables[$name])
        }
    }
    Set-TestEnvironment @{ PSModulePath = (Join-Path $RepoRoot 'output') + [IO.Path]::PathSeparator + $env:PSModulePath }

    # Get-AutomationVariable and Get-AutomationPSCredential exist only inside Azure Automation. The
    # doubles serve the sandbox's values under the asset names the runbook documents, and fail like
    # the real ones on any other name.
    $assets = @{
        Auth0Domain            = $sandbox.Auth0Url
        ScalekitEnvironmentUrl = $sandbox.ScalekitUrl
        Auth0                  = $sandbox.Auth0Credential
        Scalekit               = $sandbox.ScalekitCredential
    }
    $double = {
        param([Parameter(Mandatory)][string]$Name)
        if (-not $assets.ContainsKey($Name)) { throw "No Automation asset named '$Name'." }
        $assets[$Name]
    }.GetNewClosure()
    Set-Item -Path function:global:Get-AutomationVariable -Value $double
    Set-Item -Path function:global:Get-AutomationPSCredential -Value $double

    # Requests that change a tenant; token requests do not count.
    function Get-SandboxWrite {
        Get-SandboxRequest | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' }
    }

    function Connect-Sandbox {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }
}

AfterAll {
    Remove-Item -Path function:global:Get-AutomationVariable, function:global:Get-AutomationPSCredential -ErrorAction Ignore
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    Stop-TestSandbox
}

Describe 'examples/Setup-ScalekitAuth0.ps1 (what build.ps1 Demo runs)' {
    BeforeAll {
        Reset-Sandbox
        Disconnect-Auth0
        Disconnect-Scalekit
        Set-TestEnvironment (Get-SandboxEnvironment)
        $setup = Join-Path $examples 'Setup-ScalekitAuth0.ps1'
    }

    It 'sends no write request under -WhatIf' {
        Clear-SandboxRequest
        & $setup -WhatIf 6>$null
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'connects from the environment variables and sets up the whole chain' {
        $shown = & $setup 6>&1 | Out-String
        $shown | Should -Match 'Created\.'
        $shown | Should -Not -Match ([regex]::Escape($sandbox.Auth0ClientSecret))
        $connection = Get-ScalekitConnection -Name scalekit
        $connection.HrdDomains | Sort-Object | Should -Be @('acme.co.uk', 'acme.com', 'globex.com')
        (Get-ScalekitOrganization -ExternalId acme -IncludeDomain).Domains | Should -Be @('acme.co.uk', 'acme.com')
        Get-ScalekitRedirectUri | Should -Contain (Get-Auth0CallbackUrl).Url
    }

    It 'changes nothing when run again, and says so' {
        Clear-SandboxRequest
        $shown = & $setup 6>&1 | Out-String
        Get-SandboxWrite | Should -BeNullOrEmpty
        $shown | Should -Match 'Already set up'
        $shown | Should -Match 'already allowed'
    }
}

Describe 'examples/ScalekitAuth0.Runbook.ps1' {
    BeforeAll {
        Reset-Sandbox
        Disconnect-Auth0
        Disconnect-Scalekit
        $runbook = Join-Path $examples 'ScalekitAuth0.Runbook.ps1'
        $arguments = @{ ModuleVersion = $ModuleVersion }
    }

    It 'sets up the integration from the Automation assets alone' {
        $output = & $runbook @arguments | Out-String
        $output | Should -Match "HRD domains of 'scalekit': 0 added"
        Connect-Sandbox
        Get-ScalekitConnection -Name scalekit | Should -Not -BeNullOrEmpty
        Get-ScalekitRedirectUri | Should -Contain (Get-Auth0CallbackUrl).Url
    }

    It 'routes the domains of every Scalekit organization' {
        Connect-Sandbox
        # A customer Scalekit knows, whose domain the connection has stopped routing.
        $initech = New-ScalekitOrganization -DisplayName Initech -ExternalId initech
        $null = Add-HrdDomain -ConnectionName scalekit -Domain initech.com -Organization $initech
        Remove-HrdDomain -ConnectionName scalekit -Domain initech.com -Confirm:$false
        $output = & $runbook @arguments | Out-String
        $output | Should -Match '1 added'
        Get-HrdDomain -ConnectionName scalekit | ForEach-Object Domain | Should -Be 'initech.com'
    }

    It 'changes nothing when run again' {
        Clear-SandboxRequest
        $null = & $runbook @arguments
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'fails the job when the integration is broken, and passes once -Prune repairs it' {
        Connect-Sandbox
        # A domain routed to Scalekit that no Scalekit organization owns: its users cannot sign in.
        $null = Add-HrdDomain -ConnectionName scalekit -Domain stray.example
        { & $runbook @arguments } | Should -Throw '*failed 1 check(s): HrdDomainsOwned*'
        { & $runbook @arguments -Prune $true } | Should -Not -Throw
        Get-HrdDomain -ConnectionName scalekit | ForEach-Object Domain | Should -Be 'initech.com'
    }
}

Describe 'examples/Import-Customers.ps1' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit
        $import = Join-Path $examples 'Import-Customers.ps1'
        $sample = Join-Path $examples 'customers.csv'
    }

    It 'sends no write request under -WhatIf' {
        Clear-SandboxRequest
        & $import -Path $sample -WhatIf 6>$null | Should -BeNullOrEmpty
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'onboards every customer of the sample CSV' {
        $imported = & $import -Path $sample
        $imported.ExternalId | Should -Be @('acme', 'globex', 'initech')
        (Get-ScalekitOrganization -ExternalId initech -IncludeDomain).Domains | Should -Be @('initech.com', 'initech.io')
        (Get-ScalekitConnection -Name scalekit).HrdDomains | Sort-Object |
            Should -Be @('acme.co.uk', 'acme.com', 'globex.com', 'initech.com', 'initech.io')
    }

    It 'changes nothing when run again' {
        Clear-SandboxRequest
        $null = & $import -Path $sample
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'reports a bad row by its line and imports the others' {
        $csv = Join-Path $TestDrive 'customers.csv'
        Set-Content -LiteralPath $csv -Value @(
            'DisplayName,ExternalId,Domain'
            'Hooli,,hooli.com'
            'Umbrella,umbrella,umbrella.com'
            'Umbrella,umbrella,umbrella.co.jp'
        )
        $imported = & $import -Path $csv -ErrorVariable failures -ErrorAction SilentlyContinue
        $imported.ExternalId | Should -Be 'umbrella'
        $reported = @($failures | Where-Object FullyQualifiedErrorId -Like 'CustomerNotImported*')
        $reported | Should -HaveCount 1
        $reported[0].Exception.Message | Should -BeLike '*line 2 (Hooli)*'
    }
}
