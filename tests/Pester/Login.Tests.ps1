# Test-ScalekitAuth0Login, Get-/Set-Auth0LoginPrompt and Get-ScalekitSsoConnection against the sandbox:
# a probe of every routed domain of a tenant with 50 customers; the prompt setting written only when it
# differs; and what the probe sends (plain GETs, nothing written). The design's composed workflow as
# written, ending with alice@acme.com's login passing, is in Hrd.Tests.ps1.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox

    function Get-Write { Get-SandboxRequest | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' } }

    function Connect-Sandbox {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -WarningAction SilentlyContinue
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }

    # The connection, its callback allowed, Identifier First on: everything but the customers.
    function Initialize-Tenant {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit -EnabledClient 'My App' | Sync-ScalekitRedirectUri
        Set-Auth0LoginPrompt -IdentifierFirst
    }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Test-ScalekitAuth0Login over every routed domain' {
    BeforeAll {
        Initialize-Tenant
        # 50 customers, each with its own domain; the even ones' IT admins have finished their SSO connection.
        $customers = foreach ($n in 1..50) {
            $organization = New-ScalekitOrganization -DisplayName ('Customer {0:d2}' -f $n) -ExternalId ('customer{0:d2}' -f $n)
            $domain = 'customer{0:d2}.com' -f $n
            $null = Invoke-SandboxScalekitApi "api/v1/organizations/$($organization.Id)/domains" -Method POST -Body @{ domain = $domain; domain_type = 'ORGANIZATION_DOMAIN' }
            if ($n % 2 -eq 0) { Add-SandboxSsoConnection -OrganizationId $organization.Id -Type @('OIDC', 'SAML')[$n % 4 / 2] | Out-Null }
            [pscustomobject]@{ Domain = $domain; Organization = $organization; Sso = $n % 2 -eq 0 }
        }
        $null = Sync-HrdDomain -ConnectionName scalekit
        Clear-SandboxRequest

        $probes = @(Get-HrdDomain -ConnectionName scalekit | Test-ScalekitAuth0Login)

        $table = ($probes | Sort-Object Domain | Format-Table Domain, Status, Stage, IdentityProvider, Fix -AutoSize | Out-String -Width 160).Trim()
        $directory = Join-Path $RepoRoot 'output/TestResults'
        $null = New-Item -ItemType Directory -Path $directory -Force
        Set-Content -LiteralPath (Join-Path $directory 'login-probes.txt') -Value $table -Encoding utf8NoBOM
        Write-Host "`nGet-HrdDomain -ConnectionName scalekit | Test-ScalekitAuth0Login over 50 domains:`n$table"
    }

    It 'gives one probe per domain: 25 Pass and 25 Fail' {
        $probes | Should -HaveCount 50
        @($probes.Domain | Sort-Object -Unique) | Should -Be @($customers.Domain)
        @($probes | Where-Object Status -EQ Pass) | Should -HaveCount 25
        @($probes | Where-Object Status -EQ Fail) | Should -HaveCount 25
    }

    It 'passes exactly the customers with an SSO connection, each at its own identity provider' {
        foreach ($customer in $customers) {
            $probe = $probes | Where-Object Domain -EQ $customer.Domain
            if ($customer.Sso) {
                "$($probe.Status) at $($probe.Stage)" | Should -Be 'Pass at IdentityProvider'
                $probe.IdentityProvider | Should -Be "$($customer.Organization.ExternalId).okta.example"
            }
            else {
                "$($probe.Status) at $($probe.Stage)" | Should -Be 'Fail at Scalekit'
                $probe.Fix | Should -Be "New-ScalekitPortalLink -Organization '$($customer.Organization.Id)' -Feature sso"
            }
        }
    }

    It 'probed with a made-up address at each domain, through the piped connection' {
        $probes.Email | ForEach-Object { $_ | Should -BeLike 'scalekitauth0-probe@customer*.com' }
        $probes.Connection | Select-Object -Unique | Should -Be scalekit
    }

    It 'sent only GETs, no token and no cookie to the login pages, and wrote nothing' {
        Get-Write | Should -BeNullOrEmpty
        $logins = @(Get-SandboxRequest | Where-Object { $_.path -in '/authorize', '/oauth/authorize' -or $_.path -like '/sso/*' })
        @($logins | Where-Object path -EQ '/authorize') | Should -HaveCount 50
        $logins | Where-Object { $_.authorization -or $_.cookie } | Should -BeNullOrEmpty
        # The settings are read once for the whole pipeline, not once per domain.
        @(Get-SandboxRequest -Path '/api/v2/prompts') | Should -HaveCount 1
    }

    It '-Quiet says $false for the whole command when any probe failed, $true when all passed' {
        @(Get-HrdDomain -ConnectionName scalekit | Test-ScalekitAuth0Login -Quiet) | Should -Be @($false)
        @(Get-HrdDomain -ConnectionName scalekit -Domain customer02.com, customer04.com | Test-ScalekitAuth0Login -Quiet) | Should -Be @($true)
    }
}

Describe 'Test-ScalekitAuth0Login' {
    BeforeAll {
        Initialize-Tenant
        $null = Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization (New-ScalekitOrganization -DisplayName Acme -ExternalId acme)
        Add-SandboxSsoConnection -ExternalId acme | Out-Null
    }

    It 'shows each hop with state and nonce masked' {
        $probe = Test-ScalekitAuth0Login -Email alice@acme.com

        $probe.Hops | Should -HaveCount 3
        $probe.Hops.Method | Select-Object -Unique | Should -Be GET
        "$($probe.Hops.Url) $($probe.Hops.Location)" | Should -Not -Match '(state|nonce)=(?!\*\*\*)'
        $probe.Hops[0].Url | Should -BeLike "$($sandbox.Auth0Url)/authorize?*state=``*``*``**"
    }

    It 'probes in the application given, and fails at Routing when the connection is not enabled for it' {
        $probe = Test-ScalekitAuth0Login -Email alice@acme.com -Application 'Other App'

        "$($probe.Status) at $($probe.Stage)" | Should -Be 'Fail at Routing'
        $probe.Fix | Should -Be "Enable-ScalekitConnection -Name 'scalekit' -Application 'Other App'"
        Invoke-Expression $probe.Fix
        (Test-ScalekitAuth0Login -Email alice@acme.com -Application 'Other App').Status | Should -Be Pass
    }

    It 'fails at Routing when Identifier First is off, and the fix makes it pass' {
        Set-Auth0LoginPrompt -IdentifierFirst:$false
        $probe = Test-ScalekitAuth0Login -Email alice@acme.com

        "$($probe.Status) at $($probe.Stage)" | Should -Be 'Fail at Routing'
        Invoke-Expression $probe.Fix
        (Test-ScalekitAuth0Login -Email alice@acme.com).Status | Should -Be Pass
    }

    It 'fails at Scalekit when Auth0''s callback is not allowed there, and the fix makes it pass' {
        Remove-ScalekitRedirectUri -Uri "$($sandbox.Auth0Url)/login/callback" -Confirm:$false
        $probe = Test-ScalekitAuth0Login -Email alice@acme.com

        "$($probe.Status) at $($probe.Stage)" | Should -Be 'Fail at Scalekit'
        $probe.Detail | Should -BeLike '*invalid_redirect_uri*'
        $null = Invoke-Expression $probe.Fix
        (Test-ScalekitAuth0Login -Email alice@acme.com).Status | Should -Be Pass
    }

    It 'stops the command once for an application that does not exist, probing nothing' {
        Clear-SandboxRequest
        { Test-ScalekitAuth0Login -Email alice@acme.com, bob@acme.com -Application 'No Such App' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Auth0ApplicationNotFound,ScalekitAuth0.Commands.TestScalekitAuth0LoginCommand'
        Get-SandboxRequest -Path '/authorize' | Should -BeNullOrEmpty
    }

    It 'reports a bad address and goes on with the next' {
        $probes = @(Test-ScalekitAuth0Login -Email 'alice.acme.com', 'bob@acme.com' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $probes.Email | Should -Be 'bob@acme.com'
        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'InvalidEmailAddress'
        $failures[0].Exception.Message | Should -BeLike "*'alice.acme.com'*no '@'*"
    }

    It 'takes the address from a CSV''s Email column' {
        $probes = @(@([pscustomobject]@{ Email = 'carol@acme.com' }) | Test-ScalekitAuth0Login)

        $probes.Email | Should -Be 'carol@acme.com'
        $probes.Status | Should -Be Pass
    }
}

Describe 'Get-Auth0LoginPrompt and Set-Auth0LoginPrompt' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        Clear-SandboxRequest
    }

    It 'reads the tenant''s settings' {
        $prompt = Get-Auth0LoginPrompt

        $prompt | Should -BeOfType ScalekitAuth0.Auth0LoginPrompt
        $prompt.IdentifierFirst | Should -BeFalse
        $prompt.UniversalLoginExperience | Should -Be new
        $prompt.RoutesByEmailDomain | Should -BeFalse
    }

    It 'sends one PATCH for -IdentifierFirst given twice, naming the value it sets' {
        $first = @(Set-Auth0LoginPrompt -IdentifierFirst -Verbose 4>&1)
        $second = @(Set-Auth0LoginPrompt -IdentifierFirst -Verbose 4>&1)

        @(Get-SandboxRequest -Method PATCH -Path '/api/v2/prompts') | Should -HaveCount 1
        (Get-SandboxRequest -Method PATCH -Path '/api/v2/prompts').body | Should -Be '{"identifier_first":true}'
        "$first" | Should -BeLike '*Set identifier_first to true*'
        "$second" | Should -BeLike '*already has identifier_first = true; nothing to change*'
        "$second" | Should -Not -BeLike '*Performing the operation*'
        (Get-Auth0LoginPrompt).RoutesByEmailDomain | Should -BeTrue
    }

    It 'sends no write with -WhatIf' {
        Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience classic -WhatIf

        Get-Write | Should -BeNullOrEmpty
        (Get-Auth0LoginPrompt).IdentifierFirst | Should -BeFalse
    }

    It 'writes only what differs, and returns the settings with -PassThru' {
        $prompt = Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new -PassThru

        (Get-SandboxRequest -Method PATCH).body | Should -Be '{"identifier_first":true}'
        $prompt.IdentifierFirst | Should -BeTrue
        (Set-Auth0LoginPrompt -IdentifierFirst:$false -PassThru).IdentifierFirst | Should -BeFalse
    }

    It 'refuses to run with nothing to set' {
        { Set-Auth0LoginPrompt -ErrorAction Stop } | Should -Throw -ErrorId 'LoginPromptSettingMissing,ScalekitAuth0.Commands.SetAuth0LoginPromptCommand'
    }

    It 'names the missing scope when the token may not change the prompt, and writes nothing' {
        $scopes = (Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -PassThru).Scopes | Where-Object { $_ -ne 'update:prompts' }
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential (New-SandboxAuth0Client -Name no-update -Scope $scopes).Credential -WarningAction SilentlyContinue

        { Set-Auth0LoginPrompt -IdentifierFirst -ErrorAction Stop } | Should -Throw -ErrorId 'Auth0InsufficientScope,*'
        (Get-Auth0LoginPrompt).IdentifierFirst | Should -BeFalse
    }
}

Describe 'Get-ScalekitSsoConnection' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        $active = Add-SandboxSsoConnection -ExternalId acme -Type SAML
        $draft = Add-SandboxSsoConnection -ExternalId acme -Status IN_PROGRESS
        $disabled = Add-SandboxSsoConnection -ExternalId acme -Disabled
        $globex = New-ScalekitOrganization -DisplayName Globex -ExternalId globex
    }

    It 'lists an organization''s active connections, by external id, id or piped object' {
        foreach ($connections in @((Get-ScalekitSsoConnection -Organization acme), (Get-ScalekitSsoConnection -Organization $acme.Id), ($acme | Get-ScalekitSsoConnection))) {
            @($connections).Id | Should -Be @($active.id)
            $connections | Should -BeOfType ScalekitAuth0.ScalekitSsoConnection
            $connections.Provider | Should -Be OKTA
            $connections.Type | Should -Be SAML
            $connections.Status | Should -Be COMPLETED
            $connections.Enabled | Should -BeTrue
            $connections.Organization | Should -Be $acme.Id
        }
    }

    It 'includes the unfinished and disabled ones with -All' {
        @(Get-ScalekitSsoConnection -Organization acme -All).Id | Should -Be @($active.id, $draft.id, $disabled.id)
        @(Get-ScalekitSsoConnection -Organization acme -All | Where-Object { -not $_.Active }).Id | Should -Be @($draft.id, $disabled.id)
    }

    It 'returns nothing for an organization without one, and an error for one that does not exist' {
        @(Get-ScalekitSsoConnection -Organization globex) | Should -BeNullOrEmpty
        { Get-ScalekitSsoConnection -Organization nobody -ErrorAction Stop } | Should -Throw -ErrorId 'ScalekitOrganizationNotFound,*'
    }

    It 'pipes into New-ScalekitPortalLink as its organization' {
        Clear-SandboxRequest
        $link = Get-ScalekitSsoConnection -Organization acme | New-ScalekitPortalLink -Feature sso

        $link.OrganizationId | Should -Be $acme.Id
        (Get-SandboxRequest -Method PUT).path | Should -Be "/api/v1/organizations/$($acme.Id)/portal_links"
    }
}
