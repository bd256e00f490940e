# Test-ScalekitAuth0Integration against the sandbox: after the composed workflow every check passes;
# each way the chain can break fails its own check (and only that one), with a Fix that, run as
# written, repairs it.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox

    function Get-Check([string]$Name) { @(Test-ScalekitAuth0Integration -Name scalekit) | Where-Object Check -EQ $Name }

    # The checks that did not pass, as "Check=Status".
    function Get-Problem { @(Test-ScalekitAuth0Integration -Name scalekit | Where-Object Status -NE Pass | ForEach-Object { "$($_.Check)=$($_.Status)" }) }

    function Get-StoredConnection { Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit' | Select-Object -First 1 }

    # Changes the connection's options behind the module's back.
    function Set-StoredOption([scriptblock]$Change) {
        $stored = Get-StoredConnection
        & $Change $stored.options
        $null = Invoke-SandboxAuth0Api "api/v2/connections/$($stored.id)" -Method PATCH -Body @{ options = $stored.options }
    }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Test-ScalekitAuth0Integration' {
    BeforeEach {
        Reset-Sandbox
        $null = Invoke-ComposedWorkflow
        Clear-SandboxRequest
    }

    It 'passes every check after the composed workflow, one object per check, and reads only' {
        $checks = @(Test-ScalekitAuth0Integration -Name scalekit)

        $checks.Check | Should -Be @('Discovery', 'ConnectionSettings', 'ClientSecret', 'RedirectUris', 'EnabledApplications', 'LoginPrompt', 'OrganizationDomainsRouted', 'HrdDomainsOwned', 'DomainConflicts', 'OrganizationSso')
        $checks.Status | Should -Not -Contain 'Fail'
        $checks.Status | Should -Not -Contain 'Warn'
        $checks | ForEach-Object { $_ | Should -BeOfType ScalekitAuth0.IntegrationCheck; $_.Fix | Should -BeNullOrEmpty; $_.Connection | Should -Be scalekit }
        Get-SandboxRequest | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' } | Should -BeNullOrEmpty
        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeExactly $true
    }

    It 'defaults -Name to scalekit and binds a piped connection' {
        @(Test-ScalekitAuth0Integration).Connection | Select-Object -Unique | Should -Be scalekit
        @(Get-ScalekitConnection -Name scalekit | Test-ScalekitAuth0Integration -Quiet) | Should -Be @($true)
    }

    It 'runs the runbook pattern of its help: a broken integration throws, a working one does not' {
        { if (-not (Test-ScalekitAuth0Integration -Name scalekit -Quiet)) { throw 'Scalekit integration is broken' } } | Should -Not -Throw
        Disable-ScalekitConnection -Name scalekit -Application 'My App'

        { if (-not (Test-ScalekitAuth0Integration -Name scalekit -Quiet)) { throw 'Scalekit integration is broken' } } | Should -Throw 'Scalekit integration is broken'
        $checks = Test-ScalekitAuth0Integration -Name scalekit
        @($checks | Where-Object Status -EQ Fail).Check | Should -Be @('EnabledApplications')
    }

    It 'fails Discovery when Scalekit''s issuer is not the connection''s' {
        $null = Invoke-SandboxControl PUT scalekit/discovery @{ issuer = 'https://elsewhere.example.com' }

        Get-Problem | Should -Be @('Discovery=Fail')
        (Get-Check Discovery).Detail | Should -BeLike '*https://elsewhere.example.com*'
    }

    It 'fails ConnectionSettings for a front_channel connection, and its Fix repairs it' {
        Set-StoredOption { param($o) $o.type = 'front_channel' }

        Get-Problem | Should -Be @('ConnectionSettings=Fail')
        $fix = (Get-Check ConnectionSettings).Fix
        $fix | Should -Be "New-ScalekitConnection -Name 'scalekit' -Force"
        $null = Invoke-Expression $fix
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'fails ConnectionSettings when openid is not in the scope' {
        Set-StoredOption { param($o) $o.scope = 'profile email' }

        Get-Problem | Should -Be @('ConnectionSettings=Fail')
        $fix = (Get-Check ConnectionSettings).Fix
        $fix | Should -Be "Set-ScalekitConnection -Name 'scalekit' -Scope 'openid profile email'"
        Invoke-Expression $fix
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'only warns when login_hint is not forwarded: -Quiet still says true' {
        Set-StoredOption { param($o) $o.PSObject.Properties.Remove('upstream_params') }

        Get-Problem | Should -Be @('ConnectionSettings=Warn')
        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeExactly $true
    }

    It 'fails ClientSecret when Scalekit refuses the secret Auth0 holds, without showing either secret' {
        Set-StoredOption { param($o) $o.client_secret = 'not-the-secret-0123456789' }

        Get-Problem | Should -Be @('ClientSecret=Fail')
        $check = Get-Check ClientSecret
        $check.Detail | Should -BeLike '*invalid_client*'
        $check.Fix | Should -BeLike "Set-ScalekitConnection -Name 'scalekit' -ClientSecret *"
        ($check | Format-List * | Out-String) | Should -Not -Match ('not-the-secret|' + [regex]::Escape($sandbox.ScalekitClientSecret))
    }

    It 'fails RedirectUris when Auth0''s callback is not allowed, and its Fix repairs it' {
        Remove-ScalekitRedirectUri -Uri "$($sandbox.Auth0Url)/login/callback" -Confirm:$false

        Get-Problem | Should -Be @('RedirectUris=Fail')
        $null = Invoke-Expression (Get-Check RedirectUris).Fix
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'fails RedirectUris for a ready custom domain whose callback is missing' {
        Add-SandboxCustomDomain login.acme.com

        Get-Problem | Should -Be @('RedirectUris=Fail')
        (Get-Check RedirectUris).Detail | Should -BeLike '*login.acme.com*'
    }

    It 'fails OrganizationDomainsRouted for a Scalekit domain Auth0 does not route, and its Fix repairs it' {
        $globex = (Invoke-SandboxScalekitApi api/v1/organizations -Method POST -Body @{ display_name = 'Globex'; external_id = 'globex' }).organization
        $null = Invoke-SandboxScalekitApi "api/v1/organizations/$($globex.id)/domains" -Method POST -Body @{ domain = 'globex.io'; domain_type = 'ORGANIZATION_DOMAIN' }

        Get-Problem | Should -Be @('OrganizationDomainsRouted=Fail')
        (Get-Check OrganizationDomainsRouted).Detail | Should -BeLike '*globex.io (Globex)*'
        $null = Invoke-Expression (Get-Check OrganizationDomainsRouted).Fix
        # Routed now, but Globex's IT admin has not set up its SSO yet: a warning naming it.
        Get-Problem | Should -Be @('OrganizationSso=Warn')
        (Get-Check OrganizationSso).Detail | Should -BeLike "*Globex ($($globex.id))*"
    }

    It 'fails HrdDomainsOwned for a routed domain no organization owns' {
        $null = Add-HrdDomain -ConnectionName scalekit -Domain initech.com

        Get-Problem | Should -Be @('HrdDomainsOwned=Fail')
        $fix = (Get-Check HrdDomainsOwned).Fix
        $fix | Should -Be "Add-HrdDomain -ConnectionName 'scalekit' -Domain 'initech.com' -Organization '<organization id or external id>'"
        $null = New-ScalekitOrganization -DisplayName Initech -ExternalId initech
        $null = Invoke-Expression $fix.Replace('<organization id or external id>', 'initech')
        Get-Problem | Should -Be @('OrganizationSso=Warn')
        Add-SandboxSsoConnection -ExternalId initech | Out-Null
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'fails LoginPrompt when Identifier First is off, and its Fix repairs it' {
        Set-Auth0LoginPrompt -IdentifierFirst:$false

        Get-Problem | Should -Be @('LoginPrompt=Fail')
        (Get-Check LoginPrompt).Detail | Should -BeLike '*Identifier First is off*2 domain(s)*'
        $fix = (Get-Check LoginPrompt).Fix
        $fix | Should -Be 'Set-Auth0LoginPrompt -IdentifierFirst'
        Invoke-Expression $fix
        Get-Problem | Should -BeNullOrEmpty
        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeExactly $true
    }

    It 'fails LoginPrompt on the classic login even with Identifier First on, and its Fix repairs it' {
        $null = Invoke-SandboxAuth0Api api/v2/prompts -Method PATCH -Body @{ universal_login_experience = 'classic' }

        Get-Problem | Should -Be @('LoginPrompt=Fail')
        (Get-Check LoginPrompt).Detail | Should -BeLike '*classic*'
        $fix = (Get-Check LoginPrompt).Fix
        $fix | Should -Be 'Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new'
        Invoke-Expression $fix
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'passes LoginPrompt with Identifier First off when the connection routes no domain' {
        Set-Auth0LoginPrompt -IdentifierFirst:$false
        Remove-HrdDomain -ConnectionName scalekit -Domain acme.com, acme.co.uk -Confirm:$false

        (Get-Check LoginPrompt).Status | Should -Be Pass
        (Get-Check LoginPrompt).Detail | Should -BeLike '*routes no domain*'
    }

    It 'warns in LoginPrompt, naming the scope, when the token cannot read the prompt settings' {
        $scopes = (Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -PassThru).Scopes | Where-Object { $_ -ne 'read:prompts' }
        $limited = New-SandboxAuth0Client -Name no-prompts -Scope $scopes
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $limited.Credential -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -BeLike '*read:prompts*'

        $check = Get-Check LoginPrompt

        $check.Status | Should -Be Warn
        $check.Detail | Should -BeLike '*read:prompts*'
        $check.Fix | Should -BeLike '*read:prompts*Connect-Auth0*'
        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeExactly $true
    }

    It 'warns in OrganizationSso naming each routed organization without an active SSO connection, with its portal link as the fix' {
        $globex = New-ScalekitOrganization -DisplayName Globex -ExternalId globex
        $initech = New-ScalekitOrganization -DisplayName Initech -ExternalId initech
        $null = Add-HrdDomain -ConnectionName scalekit -Domain globex.com -Organization $globex
        $null = Add-HrdDomain -ConnectionName scalekit -Domain initech.com -Organization $initech
        Add-SandboxSsoConnection -OrganizationId $initech.Id -Status IN_PROGRESS | Out-Null

        Get-Problem | Should -Be @('OrganizationSso=Warn')
        $check = Get-Check OrganizationSso
        $check.Detail | Should -BeLike "*Globex ($($globex.Id))*"
        $check.Detail | Should -BeLike "*Initech ($($initech.Id))*"
        $check.Detail | Should -Not -BeLike '*Acme*'
        $check.Fix | Should -Be "'$($globex.Id)', '$($initech.Id)' | New-ScalekitPortalLink -Feature sso"
        Clear-SandboxRequest
        { Invoke-Expression "$($check.Fix) -WhatIf" } | Should -Not -Throw
        Get-SandboxRequest -Method PUT | Should -BeNullOrEmpty
        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeExactly $true

        Add-SandboxSsoConnection -OrganizationId $initech.Id | Out-Null
        (Get-Check OrganizationSso).Fix | Should -Be "New-ScalekitPortalLink -Organization '$($globex.Id)' -Feature sso"
    }

    It 'fails DomainConflicts when another connection routes the same domain, and its Fix repairs it' {
        $null = Invoke-SandboxAuth0Api api/v2/connections -Method POST -Body @{
            name = 'okta-acme'; strategy = 'okta'
            options = @{ client_id = 'x'; client_secret = 'y'; domain = 'acme.okta.com'; domain_aliases = @('acme.com') }
        }

        Get-Problem | Should -Be @('DomainConflicts=Fail')
        (Get-Check DomainConflicts).Detail | Should -BeLike '*acme.com (okta-acme, scalekit)*'
        $fix = (Get-Check DomainConflicts).Fix
        $fix | Should -Be "Remove-HrdDomain -ConnectionName 'okta-acme' -Domain 'acme.com' -Force"
        $ConfirmPreference = 'None'
        Invoke-Expression $fix
        Get-Problem | Should -BeNullOrEmpty
    }

    It 'gives one Fail, with how to create it, when there is no such connection' {
        $checks = @(Test-ScalekitAuth0Integration -Name absent)

        $checks | Should -HaveCount 1
        $checks[0].Check | Should -Be 'Connection'
        $checks[0].Status | Should -Be Fail
        $checks[0].Detail | Should -Be "There is no Auth0 connection named 'absent'."
        $checks[0].Fix | Should -BeLike "New-ScalekitConnection -Name 'absent'*"
        Test-ScalekitAuth0Integration -Name absent -Quiet | Should -BeExactly $false
    }

    It 'fails only the check whose read failed, with the error, and goes on' {
        # Every try of the enabled-clients read: one 500 alone is retried, and the check would pass.
        $id = (Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit' | Select-Object -First 1).id
        Add-SandboxFault @{ service = 'auth0'; method = 'GET'; path = "/api/v2/connections/$id/clients"; count = 5; kind = 'status'; status = 500 }

        $checks = @(Test-ScalekitAuth0Integration -Name scalekit)

        $checks | Should -HaveCount 10
        @($checks | Where-Object Status -EQ Fail).Check | Should -Be @('EnabledApplications')
        (Get-Check EnabledApplications).Status | Should -Be Pass
        $failed = $checks | Where-Object Check -EQ EnabledApplications
        $failed.Detail | Should -BeLike 'Could not check: Auth0 GET /api/v2/connections/*/clients failed: 500*'
        $failed.Fix | Should -Not -BeNullOrEmpty
    }

    It 'fails the checks that need the connection''s options when the token cannot read them, naming the scope' {
        $limited = New-SandboxAuth0Client -Name no-options -Scope read:connections, read:clients, read:custom_domains
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $limited.Credential -WarningAction SilentlyContinue

        $checks = @(Test-ScalekitAuth0Integration -Name scalekit)

        $checks.Status | Select-Object -Unique | Should -Be Fail
        $checks[0].Detail | Should -BeLike '*read:connections_options*'
        $checks[0].Fix | Should -BeLike '*Connect-Auth0*'
    }

    It 'refuses a name Auth0 could not have, naming it' {
        { Test-ScalekitAuth0Integration -Name 'no such name' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConnectionName,ScalekitAuth0.Commands.TestScalekitAuth0IntegrationCommand'
    }
}
