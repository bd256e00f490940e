# Tab completion from the live tenant, driven as PowerShell's console drives it (TabExpansion2).
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox

    # What Tab offers with the cursor at the end of $Line.
    function Get-Completion([string]$Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Completion when not connected' {
    It 'offers nothing and asks no service' {
        Disconnect-Auth0
        Disconnect-Scalekit
        Clear-SandboxRequest
        Get-Completion 'Get-ScalekitConnection -Name ' | Should -BeNullOrEmpty
        Get-SandboxRequest | Should -BeNullOrEmpty
    }
}

Describe 'Completion of connection names' {
    BeforeAll {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        'scalekit', 'scalekit-eu', 'partner-sso' | ForEach-Object { New-ScalekitConnection -Name $_ } | Out-Null
    }

    AfterEach {
        Clear-SandboxFault
    }

    It 'offers the connections whose names start with what was typed, with their ids' {
        $offered = Get-Completion 'Get-ScalekitConnection -Name scale'
        $offered.CompletionText | Should -Be @('scalekit', 'scalekit-eu')
        $offered[0].ToolTip | Should -Match '^scalekit \(con_\w+\)$'
    }

    It 'offers every connection for an empty word, on <_>' -ForEach @(
        'Get-ScalekitConnection -Name '
        'Set-ScalekitConnection -Name '
        'Remove-ScalekitConnection -Name '
        'Enable-ScalekitConnection -Name '
        'Disable-ScalekitConnection -Name '
        'Get-HrdDomain -ConnectionName '
        'Add-HrdDomain -Domain acme.com -ConnectionName '
        'Remove-HrdDomain -Domain acme.com -ConnectionName '
        'Sync-HrdDomain -ConnectionName '
        'Test-ScalekitAuth0Integration -Name '
    ) {
        (Get-Completion $_).CompletionText | Should -Be @('partner-sso', 'scalekit', 'scalekit-eu')
    }

    It 'keeps the quote the user began with' {
        (Get-Completion "Get-ScalekitConnection -Name 'part").CompletionText | Should -Be "'partner-sso'"
    }

    It 'asks the tenant given with -Auth0Context rather than the session''s' {
        $tenant = Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -PassThru
        Disconnect-Auth0
        try {
            (Get-Completion 'Get-ScalekitConnection -Auth0Context $tenant -Name partner').CompletionText | Should -Be 'partner-sso'
            Get-Completion 'Get-ScalekitConnection -Name partner' | Should -BeNullOrEmpty -Because 'the session is not connected'
        }
        finally {
            Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        }
    }

    It 'offers nothing, without an error, when the tenant does not answer in time' {
        Add-SandboxFault @{ service = 'auth0'; method = 'GET'; path = '/api/v2/connections'; kind = 'delay'; delayMs = 30000 } | Out-Null
        $Error.Clear()
        Get-Completion 'Get-ScalekitConnection -Name ' | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }

    It 'offers nothing, without an error, when the tenant refuses' {
        Add-SandboxFault @{ service = 'auth0'; method = 'GET'; path = '/api/v2/connections'; kind = 'status'; status = 403 } | Out-Null
        $Error.Clear()
        Get-Completion 'Get-ScalekitConnection -Name ' | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }
}

Describe 'Completion of application names' {
    BeforeAll {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
    }

    It 'quotes names with a space, on <_>' -ForEach @(
        'Enable-ScalekitConnection -Name scalekit -Application My'
        'Disable-ScalekitConnection -Name scalekit -Application My'
        'New-ScalekitConnection -Name scalekit -EnabledClient My'
    ) {
        $offered = Get-Completion $_
        $offered.CompletionText | Should -Be "'My App'"
        $offered.ListItemText | Should -Be 'My App'
        $offered.ToolTip | Should -Match '^My App \(\w+\)$'
    }

    It 'finds an application by the start of its client id, and offers its name' {
        $clientId = ((Get-Completion 'Enable-ScalekitConnection -Name scalekit -Application Other').ToolTip -replace '^.*\((\w+)\)$', '$1')
        $clientId | Should -Not -BeNullOrEmpty
        (Get-Completion "Enable-ScalekitConnection -Name scalekit -Application $($clientId.Substring(0, 8))").CompletionText | Should -Be "'Other App'"
    }
}

Describe 'Completion of organization ids' {
    BeforeAll {
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        $acme = New-ScalekitOrganization -DisplayName 'Acme Corporation' -ExternalId acme
        $globex = New-ScalekitOrganization -DisplayName Globex -ExternalId globex
    }

    It 'offers every organization id, named in the tooltip, on <_>' -ForEach @(
        'Get-ScalekitOrganization -Id '
        'Remove-ScalekitOrganization -Organization '
        'New-ScalekitPortalLink -Organization '
        'Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization '
        'Remove-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization '
    ) {
        $offered = Get-Completion $_
        $offered.CompletionText | Sort-Object | Should -Be (@($acme.Id, $globex.Id) | Sort-Object)
        ($offered | Where-Object CompletionText -EQ $acme.Id).ToolTip | Should -Be 'Acme Corporation (acme)'
    }

    It 'finds an organization by the start of its name or external id, and inserts its id' {
        (Get-Completion 'New-ScalekitPortalLink -Organization Acme').CompletionText | Should -Be $acme.Id
        (Get-Completion 'New-ScalekitPortalLink -Organization glob').CompletionText | Should -Be $globex.Id
    }
}

Describe 'Completion that never falls back to file names' {
    BeforeAll {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        $null = New-ScalekitConnection -Name scalekit -HrdDomain acme.com, globex.com | Sync-ScalekitRedirectUri
        $acme = New-ScalekitOrganization -DisplayName 'Acme Corporation' -ExternalId acme
        # A file in the current folder that PowerShell's fallback would offer.
        Push-Location $TestDrive
        Set-Content -LiteralPath (Join-Path $TestDrive 'acme-file.txt') -Value x
    }

    AfterAll {
        Pop-Location
    }

    It 'lists the organization id with its name in the list text' {
        $offered = Get-Completion 'New-ScalekitPortalLink -Organization Acme'
        $offered.ListItemText | Should -Be "$($acme.Id) (Acme Corporation)"
    }

    It '<Line> offers <Expected>' -ForEach @(
        @{ Line = 'Remove-HrdDomain -ConnectionName scalekit -Domain a'; Expected = 'acme.com' }
        @{ Line = 'Get-HrdDomain -Domain a'; Expected = 'acme.com' }
        @{ Line = 'Add-HrdDomain -ConnectionName scalekit -Domain a'; Expected = 'acme.com' }
        @{ Line = 'Get-ScalekitOrganization -ExternalId a'; Expected = 'acme' }
        @{ Line = 'New-ScalekitOrganization -DisplayName X -ExternalId a'; Expected = $null }
        @{ Line = 'Set-ScalekitOrganization -Organization acme -ExternalId a'; Expected = $null }
    ) {
        (Get-Completion $Line).CompletionText | Should -Be $Expected
    }

    It 'offers the allowed redirect URIs for -Uri' {
        (Get-Completion 'Remove-ScalekitRedirectUri -Uri ').CompletionText | Should -Be @("$($sandbox.Auth0Url.TrimEnd('/'))/login/callback")
    }

    It 'offers no machine-to-machine application to enable' {
        $offered = @(Get-Completion 'Enable-ScalekitConnection -Name scalekit -Application ')
        $offered | Should -Not -BeNullOrEmpty
        $offered.ListItemText | Should -Not -Contain 'ScalekitAuth0 Sandbox M2M'
        $offered.ListItemText | Should -Contain 'My App'
    }
}
