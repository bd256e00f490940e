# The third step of the integration, the one users repeat for every enterprise customer: Home Realm
# Discovery domains on the Auth0 connection, and the same domains on the customer's Scalekit organization.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $env:AUTH0_DOMAIN = $sandbox.Auth0Url
    $env:SCALEKIT_ENVIRONMENT_URL = $sandbox.ScalekitUrl

    # Azure Automation's credential assets, played by the sandbox's seeded clients.
    function Get-AutomationPSCredential([Parameter(Mandatory)][string]$Name) {
        switch ($Name) {
            'Auth0' { $sandbox.Auth0Credential }
            'Scalekit' { $sandbox.ScalekitCredential }
            default { throw "No Automation credential named '$Name'." }
        }
    }

    function Connect-Sandbox {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }

    # What Auth0 really holds, read with the seeded full-scope client (secrets included).
    function Get-StoredConnection([string]$Name = 'scalekit') {
        Invoke-SandboxAuth0Api "api/v2/connections?name=$Name" | Select-Object -First 1
    }

    function Get-StoredAlias([string]$Name = 'scalekit') { @((Get-StoredConnection $Name).options.domain_aliases) }

    function Get-Write {
        Get-SandboxRequest | Where-Object method -in 'POST', 'PATCH', 'PUT', 'DELETE' | Where-Object path -ne '/oauth/token'
    }

    # A Scalekit organization with ORGANIZATION_DOMAINs, made behind the module's back.
    function New-StoredOrganization([string]$DisplayName, [string]$ExternalId, [string[]]$Domain) {
        $organization = (Invoke-SandboxScalekitApi api/v1/organizations -Method POST -Body @{ display_name = $DisplayName; external_id = $ExternalId }).organization
        foreach ($name in $Domain) {
            $null = Invoke-SandboxScalekitApi "api/v1/organizations/$($organization.id)/domains" -Method POST -Body @{ domain = $name; domain_type = 'ORGANIZATION_DOMAIN' }
        }
        $organization
    }

    function Get-StoredOrganizationDomain([string]$OrganizationId) {
        @((Invoke-SandboxScalekitApi "api/v1/organizations/$OrganizationId/domains?page_size=100").domains.domain)
    }
}

AfterAll {
    Stop-TestSandbox
    Remove-Item Env:AUTH0_DOMAIN, Env:SCALEKIT_ENVIRONMENT_URL -ErrorAction Ignore
}

Describe 'The composed workflow of the design' {
    BeforeAll {
        Reset-Sandbox
    }

    It 'works as written, and ends with alice@acme.com reaching Acme''s identity provider once its IT admin has set up SSO' {
        $output = @(& {
                Connect-Auth0    -Domain $env:AUTH0_DOMAIN -Credential (Get-AutomationPSCredential 'Auth0')
                Connect-Scalekit -EnvironmentUrl $env:SCALEKIT_ENVIRONMENT_URL -Credential (Get-AutomationPSCredential 'Scalekit')

                New-ScalekitConnection -Name scalekit -EnabledClient 'My App' |
                    Sync-ScalekitRedirectUri -PassThru |
                    Add-HrdDomain -Domain acme.com, acme.co.uk -Organization (New-ScalekitOrganization -DisplayName Acme -ExternalId acme)

                Set-Auth0LoginPrompt -IdentifierFirst
                Test-ScalekitAuth0Integration -Name scalekit
                Test-ScalekitAuth0Login -Email alice@acme.com
            })

        Test-ScalekitAuth0Integration -Name scalekit -Quiet | Should -BeTrue
        Get-StoredAlias | Sort-Object | Should -Be @('acme.co.uk', 'acme.com')
        $acme = Get-ScalekitOrganization -ExternalId acme
        Get-StoredOrganizationDomain $acme.Id | Sort-Object | Should -Be @('acme.co.uk', 'acme.com')
        # Every check passes but one warning: Acme's IT admin has not set up its SSO connection yet,
        # so the login stops at Scalekit, and the fix is Acme's portal link.
        @($output | Where-Object { $_ -is [ScalekitAuth0.IntegrationCheck] -and $_.Status -ne 'Pass' } | ForEach-Object { "$($_.Check)=$($_.Status)" }) |
            Should -Be @('OrganizationSso=Warn')
        $first = $output[-1]
        $first | Should -BeOfType ScalekitAuth0.ScalekitLoginProbe
        "$($first.Status) at $($first.Stage)" | Should -Be 'Fail at Scalekit'
        $first.Fix | Should -Be "New-ScalekitPortalLink -Organization '$($acme.Id)' -Feature sso"

        # The IT admin opens that link and finishes SSO (the sandbox's control endpoint stands in for it).
        Add-SandboxSsoConnection -ExternalId acme | Out-Null

        $probe = Test-ScalekitAuth0Login -Email alice@acme.com
        "$($probe.Status) at $($probe.Stage)" | Should -Be 'Pass at IdentityProvider'
        $probe.IdentityProvider | Should -Be 'acme.okta.example'
        @(Test-ScalekitAuth0Integration -Name scalekit | Where-Object Status -NE Pass) | Should -BeNullOrEmpty
    }
}

Describe 'Add-HrdDomain' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        $connection = New-ScalekitConnection -Name scalekit -DisplayName 'Acme SSO' -Scope 'openid profile email offline_access'
        # Options the module does not manage must survive too: another upstream parameter, set behind its back.
        $stored = Get-StoredConnection
        $stored.options.upstream_params | Add-Member -NotePropertyName screen_hint -NotePropertyValue @{ value = 'signup' }
        $null = Invoke-SandboxAuth0Api "api/v2/connections/$($connection.Id)" -Method PATCH -Body @{ options = $stored.options; display_name = $stored.display_name }
        Clear-SandboxRequest
    }

    It 'keeps client_secret, discovery_url, scope, upstream_params and display_name' {
        $before = Get-StoredConnection

        $updated = Add-HrdDomain -ConnectionName scalekit -Domain acme.com

        $updated.HrdDomains | Should -Be @('acme.com')
        $after = Get-StoredConnection
        $after.display_name | Should -Be 'Acme SSO'
        $after.options.client_secret | Should -Be $sandbox.ScalekitClientSecret
        $after.options.client_secret | Should -Be $before.options.client_secret
        $after.options.discovery_url | Should -Be $before.options.discovery_url
        $after.options.scope | Should -Be 'openid profile email offline_access'
        $after.options.upstream_params.login_hint.alias | Should -Be 'login_hint'
        $after.options.upstream_params.screen_hint.value | Should -Be 'signup'
        $after.options.domain_aliases | Should -Be @('acme.com')
    }

    It "makes 'ACME.com' and 'acme.com' one domain, and an internationalised name punycode" {
        'ACME.com', 'acme.com', ' Acme.COM ', 'bücher.de' | Add-HrdDomain -ConnectionName scalekit

        Get-StoredAlias | Should -Be @('acme.com', 'xn--bcher-kva.de')
    }

    It "refuses '<_>' with an error that names it, and writes nothing" -ForEach @('jane@acme.com', 'https://acme.com', 'acme..com', '-acme.com', '') {
        $bad = $_

        Add-HrdDomain -ConnectionName scalekit -Domain $bad -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidHrdDomain,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike "*'$bad'*"
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty
    }

    It 'writes nothing at all when a bad domain stops the pipeline, even with good ones before it' {
        { 'good.com', 'jane@acme.com', 'other.com' | Add-HrdDomain -ConnectionName scalekit -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidHrdDomain,ScalekitAuth0.Commands.AddHrdDomainCommand'

        Get-Write | Should -BeNullOrEmpty
        Get-StoredAlias | Should -BeNullOrEmpty
    }

    It 'reads once and writes once however many domains are piped' {
        $domains = 1..300 | ForEach-Object { "customer$_.example.com" }

        $updated = $domains | Add-HrdDomain -ConnectionName scalekit

        $updated | Should -HaveCount 1
        $updated.HrdDomains | Should -HaveCount 300
        $auth0 = Get-SandboxRequest -Service auth0 | Where-Object path -ne '/oauth/token'
        @($auth0 | Where-Object method -eq 'PATCH') | Should -HaveCount 1
        # One listing of the tenant (the connection and the domains other connections route), one
        # read for the plan -WhatIf and -Confirm show, one under the write lock just before the
        # write, and the read-back after it.
        @($auth0 | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/api/v2/connections' }) | Should -HaveCount 1
        @($auth0 | Where-Object { $_.method -eq 'GET' -and $_.path -eq "/api/v2/connections/$($updated.Id)" }) | Should -HaveCount 3
        Get-StoredAlias | Should -HaveCount 300
    }

    It 'refuses a domain another connection of the tenant routes, naming that connection' {
        $null = New-ScalekitConnection -Name other-sso -HrdDomain globex.com
        Clear-SandboxRequest

        Add-HrdDomain -ConnectionName scalekit -Domain GLOBEX.com -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HrdDomainRoutedElsewhere,*'
        $failures[0].Exception.Message | Should -BeLike "*'other-sso'*"
        Get-Write | Should -BeNullOrEmpty
    }

    It 'refuses, within one command, a domain it just routed to another connection' {
        $null = New-ScalekitConnection -Name other-sso
        Clear-SandboxRequest

        [pscustomobject]@{ ConnectionName = 'scalekit'; Domain = 'acme.com' }, [pscustomobject]@{ ConnectionName = 'other-sso'; Domain = 'acme.com' } |
            Add-HrdDomain -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -BeLike "*'scalekit'*"
        Get-StoredAlias | Should -Be @('acme.com')
        Get-StoredAlias other-sso | Should -BeNullOrEmpty
    }

    It 'refuses to pass 1000 domains on a connection, writing nothing' {
        1..990 | ForEach-Object { "d$_.example.com" } | Add-HrdDomain -ConnectionName scalekit
        Clear-SandboxRequest

        1..11 | ForEach-Object { "more$_.example.com" } | Add-HrdDomain -ConnectionName scalekit -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HrdDomainLimitExceeded,*'
        Get-Write | Should -BeNullOrEmpty
        Get-StoredAlias | Should -HaveCount 990
    }

    It 'registers each domain on the Scalekit organization before Auth0 routes it' {
        $acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        Clear-SandboxRequest

        $null = Add-HrdDomain -ConnectionName scalekit -Domain acme.com, acme.co.uk -Organization acme

        Get-StoredOrganizationDomain $acme.Id | Sort-Object | Should -Be @('acme.co.uk', 'acme.com')
        $writes = @(Get-Write | ForEach-Object { "$($_.service) $($_.method)" })
        $writes | Should -Be @('scalekit POST', 'scalekit POST', 'auth0 PATCH')
    }

    It 'is safe to run again: a domain the organization has is not registered twice' {
        $acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        $null = Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization $acme
        Clear-SandboxRequest

        $null = Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization $acme

        Get-Write | Should -BeNullOrEmpty
        Get-StoredAlias | Should -Be @('acme.com')
    }

    It 'does not route a domain Scalekit refuses for the organization, and routes the others' {
        $null = New-StoredOrganization -DisplayName Globex -ExternalId globex -Domain globex.io
        $null = New-ScalekitOrganization -DisplayName Acme -ExternalId acme

        $null = Add-HrdDomain -ConnectionName scalekit -Domain globex.io, acme.io -Organization acme -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitDomainRefused,*'
        $failures[0].TargetObject | Should -Be 'globex.io'
        Get-StoredAlias | Should -Be @('acme.io')
    }

    It 'refuses an organization that does not exist before writing anything' {
        Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization nobody -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitOrganizationNotFound,*'
        Get-Write | Should -BeNullOrEmpty
    }

    It 'sends no write request for -WhatIf' {
        $null = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        Clear-SandboxRequest

        Add-HrdDomain -ConnectionName scalekit -Domain acme.com -Organization acme -WhatIf | Should -BeNullOrEmpty

        Get-Write | Should -BeNullOrEmpty
    }

    It 'refuses <Domain> ("<Why>") unless -Force, with or without -Organization' -ForEach @(
        @{ Domain = 'gmail.com'; Why = 'public mail provider' }
        @{ Domain = 'Outlook.COM'; Why = 'public mail provider' }
        @{ Domain = '10.0.0.1'; Why = 'IP address' }
        @{ Domain = 'acme.123'; Why = 'all digits' }
    ) {
        $null = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        Clear-SandboxRequest

        $null = Add-HrdDomain -ConnectionName scalekit -Domain $Domain, acme.com -ErrorVariable failures -ErrorAction SilentlyContinue
        $null = Add-HrdDomain -ConnectionName scalekit -Domain $Domain -Organization acme -ErrorVariable +failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 2
        $failures | ForEach-Object {
            Get-ErrorId $_ | Should -Be 'HrdDomainRoutesEveryone'
            $_.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $_.Exception.Message | Should -BeLike "*'$($Domain.ToLowerInvariant())'*$Why*"
            $_.ErrorDetails.RecommendedAction | Should -BeLike '*-Force*'
        }
        Get-StoredAlias | Should -Be @('acme.com') -Because 'the other domain of the command is still added'
        @(Get-SandboxRequest -Service scalekit -Method POST) | Should -BeNullOrEmpty
    }

    It 'routes a public mail domain with -Force; with -Organization, Scalekit still refuses it and Auth0 does not route it' {
        $null = New-ScalekitOrganization -DisplayName Acme -ExternalId acme

        $null = Add-HrdDomain -ConnectionName scalekit -Domain gmail.com -Organization acme -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'ScalekitDomainRefused'
        Get-StoredAlias | Should -BeNullOrEmpty

        $null = Add-HrdDomain -ConnectionName scalekit -Domain gmail.com -Force

        Get-StoredAlias | Should -Be @('gmail.com')
    }

    It 'warns about a name that mixes scripts, and adds it' {
        $lookalike = "$([char]0x0430)cme.com"

        $null = Add-HrdDomain -ConnectionName scalekit -Domain $lookalike, globex.com -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "*'xn--cme-5cd.com' mixes Latin, Greek or Cyrillic*"
        Get-StoredAlias | Sort-Object | Should -Be @('globex.com', 'xn--cme-5cd.com')
    }

    It 'is not stopped by a malformed connection elsewhere in the tenant, and names it in a warning' {
        $null = Add-SandboxUncheckedConnection @{ name = 'legacy-oidc'; strategy = 'oidc'; options = @{ client_id = 'x'; domain_aliases = @('legacy.com', @{ domain = 'odd.com' }, 42); upstream_params = 'login_hint' } }
        $null = Add-SandboxUncheckedConnection @{ name = 'legacy-options'; strategy = 'oidc'; options = 'not an object' }
        Clear-SandboxRequest

        $null = Add-HrdDomain -ConnectionName scalekit -Domain acme.com, legacy.com -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue
        $listed = @(Get-HrdDomain -WarningAction SilentlyContinue)
        $connections = @(Get-ScalekitConnection -WarningAction SilentlyContinue -WarningVariable +warnings)
        $checks = @(Test-ScalekitAuth0Integration -Name scalekit -WarningAction SilentlyContinue -WarningVariable +warnings -ErrorVariable +failures)

        @($warnings | Where-Object { "$_" -like "*'legacy-oidc'*malformed*" }) | Should -Not -BeNullOrEmpty
        "$($warnings | Where-Object { "$_" -like "*'legacy-oidc'*" } | Select-Object -First 1)" | Should -BeLike '*domain_aliases has 2 entries that are not text*upstream_params is text*'
        @($warnings | Where-Object { "$_" -like "*'legacy-options'*options is text*" }) | Should -Not -BeNullOrEmpty
        # What is readable of the malformed connection still counts: legacy.com stays its own.
        $failures | ForEach-Object { Get-ErrorId $_ } | Should -Be @('HrdDomainRoutedElsewhere')
        $failures | ForEach-Object { $_.Exception } | Where-Object { $_ -isnot [ScalekitAuth0.ScalekitAuth0Exception] -and $_ -isnot [ScalekitAuth0.Http.ApiException] } | Should -BeNullOrEmpty
        Get-StoredAlias | Should -Be @('acme.com')
        $listed.Domain | Sort-Object | Should -Be @('acme.com', 'legacy.com')
        $connections.Name | Should -Contain 'scalekit'
        $checks | Should -Not -BeNullOrEmpty
    }
}

Describe 'Two runbooks adding domains to one connection at the same moment' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit
    }

    It 'ends with both runbooks'' domains, 50 each' {
        # Each runbook connects first; then both are let go at once, so each reads the connection
        # before the other has written it.
        $connected = [System.Threading.CountdownEvent]::new(2)
        $go = [System.Threading.ManualResetEventSlim]::new($false)
        $runbooks = foreach ($prefix in 'a', 'b') {
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($Manifest, $Sandbox, $Prefix, $Connected, $Go)
                    Import-Module $Manifest
                    Connect-Auth0 -Domain $Sandbox.Auth0Url -Credential $Sandbox.Auth0Credential
                    $domains = 1..50 | ForEach-Object { "$Prefix$_.example.com" }
                    $Connected.Signal()
                    $Go.Wait()
                    $domains | Add-HrdDomain -ConnectionName scalekit
                }).AddArgument($ModuleManifestPath).AddArgument($sandbox).AddArgument($prefix).AddArgument($connected).AddArgument($go)
            [pscustomobject]@{ Shell = $shell; Running = $shell.BeginInvoke() }
        }
        $connected.Wait([TimeSpan]::FromSeconds(60)) | Should -BeTrue
        $go.Set()
        foreach ($runbook in $runbooks) {
            $null = $runbook.Shell.EndInvoke($runbook.Running)
            $runbook.Shell.Streams.Error | Should -BeNullOrEmpty
            $runbook.Shell.Dispose()
        }

        $aliases = Get-StoredAlias
        $aliases | Should -HaveCount 100
        @($aliases | Where-Object { $_ -like 'a*' }) | Should -HaveCount 50
        @($aliases | Where-Object { $_ -like 'b*' }) | Should -HaveCount 50
    }
}

Describe 'Sync-HrdDomain' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit -HrdDomain acme.com, stale.com
        $null = New-StoredOrganization -DisplayName Acme -ExternalId acme -Domain acme.com, acme.co.uk
        $null = New-StoredOrganization -DisplayName Globex -ExternalId globex -Domain globex.com
        Clear-SandboxRequest
    }

    It '-WhatIf writes nothing and still returns the difference' {
        $result = Sync-HrdDomain -ConnectionName scalekit -Prune -WhatIf

        Get-Write | Should -BeNullOrEmpty
        $result.Added | Should -Be @('acme.co.uk', 'globex.com')
        $result.Removed | Should -Be @('stale.com')
        $result.Unchanged | Should -Be 1
        $result.Applied | Should -BeFalse
        Get-StoredAlias | Should -Be @('acme.com', 'stale.com')
    }

    It 'adds the domains organizations own and keeps the others without -Prune' {
        $result = Get-ScalekitConnection -Name scalekit | Sync-HrdDomain

        $result.Added | Should -Be @('acme.co.uk', 'globex.com')
        $result.Removed | Should -BeNullOrEmpty
        $result.Unchanged | Should -Be 2
        $result.Applied | Should -BeTrue
        Get-StoredAlias | Sort-Object | Should -Be @('acme.co.uk', 'acme.com', 'globex.com', 'stale.com')
        @(Get-SandboxRequest -Service auth0 -Method PATCH) | Should -HaveCount 1
    }

    It '-Prune also removes the domains no organization owns' {
        $result = Sync-HrdDomain -ConnectionName scalekit -Prune -Confirm:$false

        $result.Removed | Should -Be @('stale.com')
        Get-StoredAlias | Sort-Object | Should -Be @('acme.co.uk', 'acme.com', 'globex.com')
    }

    It 'writes nothing when the connection already routes exactly the organizations'' domains' {
        $null = Sync-HrdDomain -ConnectionName scalekit -Prune -Confirm:$false
        Clear-SandboxRequest

        $result = Sync-HrdDomain -ConnectionName scalekit -Prune

        $result.Added | Should -BeNullOrEmpty
        $result.Removed | Should -BeNullOrEmpty
        $result.Applied | Should -BeFalse -Because 'nothing was written'
        Get-Write | Should -BeNullOrEmpty
    }

    It '-Prune removes nothing live when Scalekit answers at most 50 domains a page (60 live)' {
        $live = 1..60 | ForEach-Object { "d$_.big.example" }
        $null = New-StoredOrganization -DisplayName Big -ExternalId big -Domain $live
        $null = Add-HrdDomain -ConnectionName scalekit -Domain $live
        Set-SandboxShape -Service scalekit -PageSize 50
        Clear-SandboxRequest

        $result = Sync-HrdDomain -ConnectionName scalekit -Prune -Confirm:$false

        $result.Removed | Should -Be @('stale.com')
        $stored = Get-StoredAlias
        $live | Where-Object { $_ -notin $stored } | Should -BeNullOrEmpty
        $stored | Should -HaveCount 63
        # Asked for more than it answered: the first page of Big's domains held 50 and was not the last.
        $bigPages = @(Get-SandboxRequest -Service scalekit -Method GET -Path '/api/v1/organizations/*/domains' | Where-Object query -like '*page_number=1*')
        $bigPages | Should -Not -BeNullOrEmpty
    }

    It 'reads every page of organizations' {
        1..120 | ForEach-Object { $null = New-StoredOrganization -DisplayName "Customer $_" -Domain "customer$_.example.com" }

        $result = Sync-HrdDomain -ConnectionName scalekit

        $result.Added | Should -HaveCount 122
    }

    It 'leaves a domain another connection routes, with an error naming it' {
        $null = New-ScalekitConnection -Name other-sso -HrdDomain globex.com

        $result = Sync-HrdDomain -ConnectionName scalekit -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HrdDomainRoutedElsewhere,*'
        $failures[0].Exception.Message | Should -BeLike "*'other-sso'*"
        $result.Added | Should -Be @('acme.co.uk')
    }
}

Describe 'Get-HrdDomain and Remove-HrdDomain' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit -HrdDomain acme.com, acme.co.uk, test1.example.com, test2.example.com
        $null = New-ScalekitConnection -Name other-sso -HrdDomain globex.com
        Clear-SandboxRequest
    }

    It 'lists every connection''s domains, or one connection''s, or who routes a domain' {
        (Get-HrdDomain).Domain | Sort-Object | Should -Be @('acme.co.uk', 'acme.com', 'globex.com', 'test1.example.com', 'test2.example.com')
        (Get-HrdDomain -ConnectionName other-sso).Domain | Should -Be @('globex.com')
        $routed = Get-HrdDomain -Domain GLOBEX.com
        $routed.ConnectionName | Should -Be 'other-sso'
        $routed.Tenant | Should -Not -BeNullOrEmpty
        (Get-ScalekitConnection -Name scalekit | Get-HrdDomain -Domain 'test*').Domain | Should -Be @('test1.example.com', 'test2.example.com')
    }

    It 'removes piped domains in one write and passes the removed ones on' {
        $removed = Get-HrdDomain -ConnectionName scalekit -Domain 'test*' | Remove-HrdDomain -Confirm:$false -PassThru

        $removed.Domain | Should -Be @('test1.example.com', 'test2.example.com')
        $removed[0].ConnectionName | Should -Be 'scalekit'
        Get-StoredAlias | Should -Be @('acme.com', 'acme.co.uk')
        @(Get-SandboxRequest -Service auth0 -Method PATCH) | Should -HaveCount 1
        (Get-StoredConnection).options.client_secret | Should -Be $sandbox.ScalekitClientSecret
    }

    It 'is not an error to remove a domain the connection does not route' {
        Remove-HrdDomain -ConnectionName scalekit -Domain never.com -Confirm:$false -ErrorVariable failures

        $failures | Should -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty
    }

    It 'removes the domain from the Scalekit organization too, after Auth0' {
        $acme = New-StoredOrganization -DisplayName Acme -ExternalId acme -Domain acme.com, acme.co.uk
        Clear-SandboxRequest

        Remove-HrdDomain -ConnectionName scalekit -Domain acme.co.uk -Organization acme -Confirm:$false

        Get-StoredOrganizationDomain $acme.id | Should -Be @('acme.com')
        @(Get-Write | ForEach-Object { "$($_.service) $($_.method)" }) | Should -Be @('auth0 PATCH', 'scalekit DELETE')
    }

    It 'sends no write request for -WhatIf' {
        Remove-HrdDomain -ConnectionName scalekit -Domain acme.com -WhatIf

        Get-Write | Should -BeNullOrEmpty
    }
}

Describe 'Scalekit organizations and portal links' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
    }

    It 'returns the existing organization when run again with the same external id' {
        $first = New-ScalekitOrganization -DisplayName Acme -ExternalId acme -Metadata @{ plan = 'enterprise' }
        $again = New-ScalekitOrganization -DisplayName Acme -ExternalId acme -Metadata @{ plan = 'enterprise' }

        $again.Id | Should -Be $first.Id
        $first.Metadata['plan'] | Should -Be 'enterprise'
        @(Get-SandboxRequest -Service scalekit -Method POST -Path '/api/v1/organizations') | Should -HaveCount 1
    }

    It 'refuses an external id that belongs to an organization with another name' {
        $null = New-ScalekitOrganization -DisplayName Acme -ExternalId acme

        { New-ScalekitOrganization -DisplayName 'Acme Corp' -ExternalId acme -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScalekitOrganizationExists,ScalekitAuth0.Commands.NewScalekitOrganizationCommand'
    }

    It 'gets organizations by id, by external id, all of them, and with their domains' {
        $acme = New-StoredOrganization -DisplayName Acme -ExternalId acme -Domain acme.com
        $null = New-StoredOrganization -DisplayName Globex -ExternalId globex

        (Get-ScalekitOrganization -Id $acme.id).DisplayName | Should -Be 'Acme'
        (Get-ScalekitOrganization -ExternalId globex).DisplayName | Should -Be 'Globex'
        (Get-ScalekitOrganization).DisplayName | Sort-Object | Should -Be @('Acme', 'Globex')
        (Get-ScalekitOrganization -ExternalId acme -IncludeDomain).Domains | Should -Be @('acme.com')
        $all = Get-ScalekitOrganization -IncludeDomain
        ($all | Where-Object DisplayName -eq 'Acme').Domains | Should -Be @('acme.com')
        ($all | Where-Object DisplayName -eq 'Globex').Domains | Should -BeNullOrEmpty
    }

    It 'says which organization is missing' {
        { Get-ScalekitOrganization -ExternalId nobody -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScalekitOrganizationNotFound,ScalekitAuth0.Commands.GetScalekitOrganizationCommand'
    }

    It 'creates a portal link for a piped organization, and none for -WhatIf' {
        $acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme
        Clear-SandboxRequest

        $acme | New-ScalekitPortalLink -Feature sso -WhatIf | Should -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty

        $link = Get-ScalekitOrganization -ExternalId acme | New-ScalekitPortalLink -Feature sso
        $link.OrganizationId | Should -Be $acme.Id
        $link.Location | Should -BeLike "$($sandbox.ScalekitUrl)/magicLink/*"
        $link.ExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        (Get-SandboxRequest -Method PUT).query | Should -Be '?features=sso'
    }

    It 'removes an organization by external id, and nothing for -WhatIf' {
        $acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme

        Remove-ScalekitOrganization -Organization acme -WhatIf
        @(Get-SandboxRequest -Method DELETE) | Should -BeNullOrEmpty

        $removed = Remove-ScalekitOrganization -Organization acme -Confirm:$false -PassThru
        $removed.Id | Should -Be $acme.Id
        { Get-ScalekitOrganization -Id $acme.Id -ErrorAction Stop } | Should -Throw -ErrorId 'ScalekitOrganizationNotFound,*'
    }
}

Describe 'Progress on bulk work' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $null = New-ScalekitConnection -Name scalekit
        # Each domain registration takes a little while, as it does against the real service.
        Add-SandboxFault @{ service = 'scalekit'; method = 'POST'; path = '/api/v1/organizations/'; kind = 'delay'; delayMs = 20 }

        function Invoke-Onboarding([string]$Preference, [string]$Prefix) {
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($Manifest, $Sandbox, $Preference, $Prefix)
                    Import-Module $Manifest
                    Connect-Auth0 -Domain $Sandbox.Auth0Url -Credential $Sandbox.Auth0Credential
                    Connect-Scalekit -EnvironmentUrl $Sandbox.ScalekitUrl -Credential $Sandbox.ScalekitCredential
                    $organization = New-ScalekitOrganization -DisplayName $Prefix -ExternalId $Prefix
                    $ProgressPreference = $Preference
                    $watch = [Diagnostics.Stopwatch]::StartNew()
                    $null = 1..200 | ForEach-Object { "$Prefix$_.example.com" } | Add-HrdDomain -ConnectionName scalekit -Organization $organization
                    $watch.Elapsed
                }).AddArgument($ModuleManifestPath).AddArgument($sandbox).AddArgument($Preference).AddArgument($Prefix)
            try {
                $elapsed = $shell.Invoke()[0]
                $shell.Streams.Error | Should -BeNullOrEmpty
                [pscustomobject]@{ Elapsed = $elapsed; Records = @($shell.Streams.Progress | Where-Object ActivityId -eq 1) }
            }
            finally {
                $shell.Dispose()
            }
        }
    }

    It 'updates at most four times a second and ends with a Completed record' {
        $run = Invoke-Onboarding -Preference Continue -Prefix shown

        $run.Records.Count | Should -BeGreaterThan 1
        $run.Records.Count | Should -BeLessOrEqual ([math]::Ceiling($run.Elapsed.TotalSeconds * 4) + 2)
        $run.Records[-1].RecordType | Should -Be 'Completed'
    }

    It 'writes none when $ProgressPreference is SilentlyContinue' {
        $run = Invoke-Onboarding -Preference SilentlyContinue -Prefix silent

        $run.Records | Should -BeNullOrEmpty
    }
}
