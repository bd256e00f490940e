# Safe at the prompt (issue 12): a piped object is acted on in the tenant it came from, the Scalekit
# cmdlets change only Scalekit connections, no-ops neither prompt nor announce a change, contexts can
# be seen and a failed connect keeps the working one, and pipelines bind the way a user would guess.
# Two sandboxes play two tenants; what each holds and was sent is read from its own request log.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $a = Start-TestSandbox
    $b = Start-TestSandbox

    # Requests that change something (the token requests change nothing).
    function Get-Write([psobject]$Sandbox) {
        @(Get-SandboxRequest -Sandbox $Sandbox | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' })
    }

    function Get-StoredConnection([string]$Name, [psobject]$Sandbox) {
        Invoke-SandboxAuth0Api "api/v2/connections?name=$Name" -Sandbox $Sandbox | Select-Object -First 1
    }

    function Connect-A {
        Connect-Auth0 -Domain $a.Auth0Url -Credential $a.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $a.ScalekitUrl -Credential $a.ScalekitCredential
    }

    function Reset-Both {
        Reset-Sandbox -Sandbox $a
        Reset-Sandbox -Sandbox $b
    }
}

AfterAll {
    $a, $b | Stop-TestSandbox
}

Describe 'A piped object is acted on in the tenant it was read from' {
    BeforeAll {
        Reset-Both
        $tenantA = Connect-Auth0 -Domain $a.Auth0Url -Credential $a.Auth0Credential -PassThru
        $tenantB = Connect-Auth0 -Domain $b.Auth0Url -Credential $b.Auth0Credential -PassThru
        $environmentB = Connect-Scalekit -EnvironmentUrl $b.ScalekitUrl -Credential $b.ScalekitCredential -PassThru
        Connect-A
        $null = New-ScalekitConnection -Name scalekit
        $null = New-ScalekitConnection -Name scalekit -Auth0Context $tenantB -ScalekitContext $environmentB
        $fromB = Get-ScalekitConnection -Name scalekit -Auth0Context $tenantB
    }

    BeforeEach {
        Clear-SandboxRequest -Sandbox $a
        Clear-SandboxRequest -Sandbox $b
    }

    It 'remembers its tenant, and shows no secret for it' {
        $fromB.Tenant | Should -Be $tenantB.Domain
        $fromB.TenantContext.Domain | Should -Be $tenantB.Domain
        $fromB | Format-List * | Out-String | Should -Not -Match ([regex]::Escape($b.Auth0ClientSecret))
        [System.Management.Automation.PSSerializer]::Serialize($fromB, 3) | Should -Not -Match ([regex]::Escape($b.Auth0ClientSecret))
    }

    It 'Add-HrdDomain routes the domain in tenant B only' {
        $fromB | Add-HrdDomain -Domain piped-b.com

        @((Get-StoredConnection scalekit -Sandbox $b).options.domain_aliases) | Should -Contain 'piped-b.com'
        @((Get-StoredConnection scalekit -Sandbox $a).options.domain_aliases) | Should -Not -Contain 'piped-b.com'
        Get-Write $a | Should -BeNullOrEmpty
        Get-Write $b | Where-Object method -EQ PATCH | Should -Not -BeNullOrEmpty
    }

    It 'Set-ScalekitConnection changes tenant B only' {
        $fromB | Set-ScalekitConnection -DisplayName 'Tenant B SSO'

        (Get-StoredConnection scalekit -Sandbox $b).display_name | Should -Be 'Tenant B SSO'
        (Get-StoredConnection scalekit -Sandbox $a).display_name | Should -Not -Be 'Tenant B SSO'
        Get-Write $a | Should -BeNullOrEmpty
    }

    It 'Enable-ScalekitConnection enables it in tenant B only' {
        $fromB | Enable-ScalekitConnection -Application 'My App'

        Get-Write $a | Should -BeNullOrEmpty
        Get-Write $b | Where-Object path -Like '/api/v2/connections/*/clients' | Should -Not -BeNullOrEmpty
    }

    It 'Sync-ScalekitRedirectUri allows tenant B''s callback in environment B only' {
        $result = $fromB | Sync-ScalekitRedirectUri -ScalekitContext $environmentB

        $result.Added | Should -Be @("$($b.Auth0Url.TrimEnd('/'))/login/callback")
        Get-Write $a | Should -BeNullOrEmpty
        Get-Write $b | Where-Object service -EQ scalekit | Should -Not -BeNullOrEmpty
    }

    It 'Sync-ScalekitRedirectUri refuses, writing nothing, when the Scalekit context is not the connection''s environment' {
        $fromB | Sync-ScalekitRedirectUri -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ContextMismatch,*'
        Get-Write $a | Should -BeNullOrEmpty
        Get-Write $b | Should -BeNullOrEmpty
    }

    It 'Test-ScalekitAuth0Integration checks tenant B and asks tenant A nothing' {
        $checks = $fromB | Test-ScalekitAuth0Integration -ScalekitContext $environmentB

        $checks | Where-Object Check -EQ Discovery | ForEach-Object Status | Should -Be 'Pass'
        Get-SandboxRequest -Sandbox $a | Where-Object path -NE '/oauth/token' | Should -BeNullOrEmpty
        Get-SandboxRequest -Sandbox $b -Service auth0 -Method GET | Should -Not -BeNullOrEmpty
    }

    It '<Command> with tenant A''s context and tenant B''s object is ContextMismatch and writes nothing anywhere' -ForEach @(
        @{ Command = 'Add-HrdDomain'; Run = { param($c, $t) $c | Add-HrdDomain -Domain mismatch.com -Auth0Context $t } }
        @{ Command = 'Set-ScalekitConnection'; Run = { param($c, $t) $c | Set-ScalekitConnection -DisplayName Mismatch -Auth0Context $t } }
        @{ Command = 'Enable-ScalekitConnection'; Run = { param($c, $t) $c | Enable-ScalekitConnection -Application 'Other App' -Auth0Context $t } }
        @{ Command = 'Sync-ScalekitRedirectUri'; Run = { param($c, $t) $c | Sync-ScalekitRedirectUri -Auth0Context $t } }
        @{ Command = 'Test-ScalekitAuth0Integration'; Run = { param($c, $t) $c | Test-ScalekitAuth0Integration -Auth0Context $t } }
        @{ Command = 'Remove-ScalekitConnection'; Run = { param($c, $t) $c | Remove-ScalekitConnection -Auth0Context $t -Confirm:$false } }
    ) {
        $ErrorActionPreference = 'Continue'
        $output = & $Run $fromB $tenantA 2>&1

        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ContextMismatch,*'
        $errors[0].Exception.Message | Should -BeLike "*$($tenantA.Domain)*$($tenantB.Domain)*"
        Get-Write $a | Should -BeNullOrEmpty
        Get-Write $b | Should -BeNullOrEmpty
    }

    It 'an explicit context of the same tenant as the object is used' {
        $fromB | Set-ScalekitConnection -DisplayName 'Same tenant' -Auth0Context $tenantB

        (Get-StoredConnection scalekit -Sandbox $b).display_name | Should -Be 'Same tenant'
        Get-Write $a | Should -BeNullOrEmpty
    }

    It 'a piped organization is read in the environment it came from' {
        $organizationB = New-ScalekitOrganization -DisplayName 'Only in B' -ExternalId only-b -ScalekitContext $environmentB
        Clear-SandboxRequest -Sandbox $a

        ($organizationB | Get-ScalekitOrganization -IncludeDomain).DisplayName | Should -Be 'Only in B'
        Get-SandboxRequest -Sandbox $a | Where-Object path -NE '/oauth/token' | Should -BeNullOrEmpty
    }
}

Describe 'The cmdlets named for Scalekit change only Scalekit connections' {
    BeforeAll {
        Reset-Both
        Connect-A
        $null = New-ScalekitConnection -Name scalekit
        $null = Invoke-SandboxAuth0Api api/v2/connections -Method POST -Sandbox $a -Body @{
            name = 'google-oidc'; strategy = 'oidc'
            options = @{
                type = 'back_channel'; client_id = 'google-client'; client_secret = 'google-secret'; scope = 'openid email'
                issuer = 'https://accounts.google.com'; authorization_endpoint = 'https://accounts.google.com/o/oauth2/v2/auth'
                token_endpoint = 'https://oauth2.googleapis.com/token'; jwks_uri = 'https://www.googleapis.com/oauth2/v3/certs'
                domain_aliases = @('gmail-corp.example')
            }
        }
    }

    BeforeEach {
        Clear-SandboxRequest -Sandbox $a
    }

    It '<Command> refuses the Google connection with NotAScalekitConnection, naming its issuer, and writes nothing' -ForEach @(
        @{ Command = 'Remove-ScalekitConnection'; Run = { Remove-ScalekitConnection -Name google-oidc -Confirm:$false } }
        @{ Command = 'Set-ScalekitConnection'; Run = { Set-ScalekitConnection -Name google-oidc -DisplayName Hijacked } }
        @{ Command = 'Enable-ScalekitConnection'; Run = { Enable-ScalekitConnection -Name google-oidc -Application 'My App' } }
        @{ Command = 'Add-HrdDomain'; Run = { Add-HrdDomain -ConnectionName google-oidc -Domain added.example } }
        @{ Command = 'Remove-HrdDomain'; Run = { Remove-HrdDomain -ConnectionName google-oidc -Domain gmail-corp.example -Confirm:$false } }
        @{ Command = 'Sync-HrdDomain -Prune'; Run = { Sync-HrdDomain -ConnectionName google-oidc -Prune -Confirm:$false } }
    ) {
        $ErrorActionPreference = 'Continue'
        $output = & $Run 2>&1

        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NotAScalekitConnection,*'
        $errors[0].Exception.Message | Should -BeLike "*'https://accounts.google.com'*"
        Get-Write $a | Should -BeNullOrEmpty
    }

    It 'with -Force, Set-ScalekitConnection changes it' {
        Set-ScalekitConnection -Name google-oidc -DisplayName 'Google Workspace' -Force

        (Get-StoredConnection google-oidc -Sandbox $a).display_name | Should -Be 'Google Workspace'
    }

    It 'Get-ScalekitConnection lists only the Scalekit connection' {
        (Get-ScalekitConnection).Name | Should -Be 'scalekit'
        (Get-ScalekitConnection -Name '*').Name | Should -Be 'scalekit'
    }

    It 'without a Scalekit context, the marker New-ScalekitConnection wrote tells them apart' {
        (Get-StoredConnection scalekit -Sandbox $a).metadata.scalekit_environment | Should -Be $a.ScalekitUrl.TrimEnd('/')
        Disconnect-Scalekit
        try {
            (Get-ScalekitConnection).Name | Should -Be 'scalekit'
            { Set-ScalekitConnection -Name google-oidc -DisplayName Hijacked -ErrorAction Stop } | Should -Throw -ErrorId 'NotAScalekitConnection*'
        }
        finally {
            Connect-A
        }
    }
}

Describe 'A no-op neither prompts, nor writes, nor announces a change' {
    BeforeAll {
        Reset-Both
        Connect-A
        $null = New-ScalekitConnection -Name scalekit -HrdDomain routed.example | Sync-ScalekitRedirectUri
        # Runs a script in a -NonInteractive PowerShell connected to sandbox A by the environment
        # variables, with -Manifest (the module) and the arguments given; a prompt there is an error.
        function Invoke-NonInteractive([string]$Script, [string]$Transcript) {
            $processPath = [Environment]::ProcessPath
            $pwsh = if ((Split-Path -Leaf $processPath) -like 'dotnet*') { @($processPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @($processPath) }
            $environment = Get-SandboxEnvironment -Sandbox $a
            $saved = @{}
            foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
            try {
                $extra = if ($Transcript) { @('-Transcript', $Transcript) } else { @() }
                & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $Script -Manifest $ModuleManifestPath @extra
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }
        $transcript = Join-Path $TestDrive 'noop.txt'
        $script = Join-Path $TestDrive 'noop.ps1'
        Set-Content -LiteralPath $script -Value @'
param($Manifest, $Transcript)
$ErrorActionPreference = 'Continue'
Import-Module $Manifest
Connect-Auth0; Connect-Scalekit
$noOps = @(
    { Add-HrdDomain -ConnectionName scalekit -Domain routed.example @switch }
    { Remove-HrdDomain -ConnectionName scalekit -Domain notthere.example @switch }
    { Get-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri @switch }
    { Set-ScalekitConnection -Name scalekit -Scope 'openid profile email' @switch }
    { Sync-HrdDomain -ConnectionName scalekit @switch }
)
# A prompt in a -NonInteractive process is an error, so each one shows up here.
$switch = @{ Confirm = $true }
$failures = foreach ($noOp in $noOps) { & $noOp 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$noOp -> $_" } }
Set-Content -LiteralPath "$Transcript.failures" -Value @($failures)
Start-Transcript -LiteralPath $Transcript | Out-Null
$switch = @{ WhatIf = $true }
foreach ($noOp in $noOps) { $null = & $noOp }
# The controls: real changes under -WhatIf are announced, so the transcript does capture "What if".
$null = Add-HrdDomain -ConnectionName scalekit -Domain control.example -WhatIf
Set-ScalekitConnection -Name scalekit -DisplayName 'Company SSO' -WhatIf
Stop-Transcript | Out-Null
'@
    }

    It 'under -Confirm in a -NonInteractive process, and under -WhatIf, in a transcript' {
        Clear-SandboxRequest -Sandbox $a
        $null = Invoke-NonInteractive $script -Transcript $transcript

        Get-Content -LiteralPath "$transcript.failures" | Where-Object { $_ } | Should -BeNullOrEmpty
        Get-Write $a | Should -BeNullOrEmpty
        $whatIf = @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' })
        $whatIf | Should -HaveCount 2
        $whatIf[0] | Should -BeLike '*Add 1 Home Realm Discovery domain(s): control.example*'
        $whatIf[1] | Should -BeLike "*Set display_name to 'Company SSO'*" -Because 'the text names the new value'
    }

    It 'a Sync-HrdDomain that changes nothing reports Applied False' {
        (Sync-HrdDomain -ConnectionName scalekit).Applied | Should -BeFalse
    }

    It 'Sync-HrdDomain -Prune asks before removing, as a High-impact change would, unless -Force or -Confirm:$false' {
        $prune = Join-Path $TestDrive 'prune.ps1'
        Set-Content -LiteralPath $prune -Value @'
param($Manifest)
Import-Module $Manifest
Connect-Auth0; Connect-Scalekit
try { $null = Sync-HrdDomain -ConnectionName scalekit -Prune -ErrorAction Stop; 'not asked' } catch { "asked: $($_.Exception.Message)" }
'@
        Clear-SandboxRequest -Sandbox $a
        $answer = Invoke-NonInteractive $prune

        "$answer" | Should -BeLike 'asked: *NonInteractive*' -Because 'a prompt in a -NonInteractive process is an error'
        Get-Write $a | Should -BeNullOrEmpty
        (Sync-HrdDomain -ConnectionName scalekit -Prune -Force).Removed | Should -Be @('routed.example')
        Get-Write $a | Should -HaveCount 1
    }
}

Describe 'Contexts you can see, and a failed connect that keeps the working one' {
    BeforeEach {
        Reset-Both
        Connect-A
    }

    It 'Get-Auth0Context shows tenant, client id, scopes and expiry, and no secret in any string form' {
        $context = Get-Auth0Context

        $context.Domain | Should -Be ([uri]$a.Auth0Url).Authority
        $context.ClientId | Should -Be $a.Auth0ClientId
        $context.Scopes | Should -Contain 'read:connections'
        $context.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $shown = @(
            "$context"
            $context | Out-String
            $context | Format-List * | Out-String
            $context | Format-Table * | Out-String
            $context | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
            [System.Management.Automation.PSSerializer]::Serialize($context, 5)
        ) -join "`n"
        $shown | Should -Not -Match ([regex]::Escape($a.Auth0ClientSecret))
        $shown | Should -Not -Match 'eyJ'
        $shown | Should -Match 'read:connections'
    }

    It 'Get-ScalekitContext shows environment, client id and expiry, and no secret in any string form' {
        $context = Get-ScalekitContext

        $context.EnvironmentUrl | Should -Be $a.ScalekitUrl.TrimEnd('/')
        $context.ClientId | Should -Be $a.ScalekitClientId
        $context.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $shown = @("$context"; $context | Format-List * | Out-String; $context | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue; [System.Management.Automation.PSSerializer]::Serialize($context, 5)) -join "`n"
        $shown | Should -Not -Match ([regex]::Escape($a.ScalekitClientSecret))
        $shown | Should -Not -Match 'eyJ'
    }

    It 'Get-Auth0Context and Get-ScalekitContext write nothing, and no error, when not connected' {
        Disconnect-Auth0
        Disconnect-Scalekit
        Get-Auth0Context -ErrorVariable failures | Should -BeNullOrEmpty
        Get-ScalekitContext -ErrorVariable +failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }

    It 'a garbage -AccessToken fails, and the previous context still works' {
        $null = New-ScalekitConnection -Name scalekit

        { Connect-Auth0 -Domain $a.Auth0Url -AccessToken (ConvertTo-TestSecureString 'garbage') -ErrorAction Stop } |
            Should -Throw -ErrorId 'Auth0AccessTokenInvalid*'

        (Get-Auth0Context).ClientId | Should -Be $a.Auth0ClientId
        (Get-ScalekitConnection).Name | Should -Be 'scalekit' -Because 'the working context was kept'
    }

    It 'a JWT the tenant did not issue fails on one cheap read, and the previous context still works' {
        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ scope = 'read:connections'; exp = [DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds() } | ConvertTo-Json -Compress))).TrimEnd('=')
        $forged = "eyJhbGciOiJub25lIn0.$payload.x"
        Clear-SandboxRequest -Sandbox $a

        { Connect-Auth0 -Domain $a.Auth0Url -AccessToken (ConvertTo-TestSecureString $forged) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Auth0AccessTokenRefused*'

        @(Get-SandboxRequest -Sandbox $a -Service auth0 | Where-Object path -NE '/oauth/token') | Should -HaveCount 1
        (Get-Auth0Context).ClientId | Should -Be $a.Auth0ClientId
    }

    It 'a token for another API is refused by its audience' {
        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ aud = 'https://other.example/api/v2/'; exp = [DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds() } | ConvertTo-Json -Compress))).TrimEnd('=')

        { Connect-Auth0 -Domain $a.Auth0Url -AccessToken (ConvertTo-TestSecureString "eyJhbGciOiJub25lIn0.$payload.x") -ErrorAction Stop } |
            Should -Throw -ErrorId 'Auth0TokenAudience*'
        (Get-Auth0Context).ClientId | Should -Be $a.Auth0ClientId
    }

    It 'missing scopes are one warning that lists them all' {
        $narrow = New-SandboxAuth0Client -Name narrow -Scope 'read:connections' -Sandbox $a

        Connect-Auth0 -Domain $a.Auth0Url -Credential $narrow.Credential -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings | Should -HaveCount 1
        foreach ($scope in 'create:connections', 'read:connections_options', 'update:connections_options', 'read:clients') {
            "$($warnings[0])" | Should -BeLike "*$scope*"
        }
    }
}

Describe 'Pipelines bind the way a user would guess' {
    BeforeAll {
        Reset-Both
        Connect-A
        $null = New-ScalekitConnection -Name scalekit
        $customers = Join-Path $RepoRoot 'examples/customers.csv'
    }

    BeforeEach {
        Clear-SandboxRequest -Sandbox $a
    }

    It 'the sample CSV pipes straight in, as the README shows' {
        Import-Csv $customers | New-ScalekitOrganization | Out-Null
        Import-Csv $customers | Add-HrdDomain -ConnectionName scalekit

        (Get-ScalekitConnection -Name scalekit).HrdDomains | Sort-Object | Should -Be @('acme.co.uk', 'acme.com', 'globex.com', 'initech.com', 'initech.io')
        (Get-ScalekitOrganization -ExternalId initech -IncludeDomain).Domains | Should -Be @('initech.com', 'initech.io')
    }

    It '-Domain never binds an object''s string form' {
        $row = [pscustomobject]@{ Organization = 'Acme'; Domains = 'acme.org' }

        $row | Add-HrdDomain -ConnectionName scalekit -ErrorVariable failures -ErrorAction SilentlyContinue

        "$failures" | Should -BeLike '*PSCustomObject is not text*'
        "$failures" | Should -Not -BeLike '*@{*'
        Get-Write $a | Should -BeNullOrEmpty
    }

    It 'a piped organization binds to -Organization of Add-HrdDomain' {
        Get-ScalekitOrganization -ExternalId acme | Add-HrdDomain -ConnectionName scalekit -Domain acme.net

        (Get-ScalekitOrganization -ExternalId acme -IncludeDomain).Domains | Should -Contain 'acme.net'
        (Get-ScalekitConnection -Name scalekit).HrdDomains | Should -Contain 'acme.net'
    }

    It 'a piped organization is read again by Get-ScalekitOrganization -IncludeDomain' {
        $organization = Get-ScalekitOrganization -ExternalId globex | Get-ScalekitOrganization -IncludeDomain

        $organization.ExternalId | Should -Be 'globex'
        $organization.Domains | Should -Be @('globex.com')
    }

    It 'an HrdDomain binds to -Domain and -ConnectionName' {
        Get-HrdDomain -ConnectionName scalekit -Domain acme.net | Remove-HrdDomain -Confirm:$false

        (Get-ScalekitConnection -Name scalekit).HrdDomains | Should -Not -Contain 'acme.net'
    }

    It 'Get-ScalekitRedirectUri binds to -Uri of Remove-ScalekitRedirectUri, in one write' {
        $null = Get-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri -CallbackUrl 'https://one.example/login/callback', 'https://two.example/login/callback'
        Clear-SandboxRequest -Sandbox $a

        Get-ScalekitRedirectUri | Where-Object { $_ -like 'https://*.example/*' } | Remove-ScalekitRedirectUri -Confirm:$false

        Get-ScalekitRedirectUri | Where-Object { $_ -like 'https://*.example/*' } | Should -BeNullOrEmpty
        Get-Write $a | Should -HaveCount 1
    }

    It 'the fix for many domains no organization owns is one short command' {
        $null = Add-HrdDomain -ConnectionName scalekit -Domain (1..40 | ForEach-Object { "orphan$_.example" })

        $fix = (Test-ScalekitAuth0Integration -Name scalekit | Where-Object Check -EQ HrdDomainsOwned).Fix

        $fix | Should -Be "Sync-HrdDomain -ConnectionName 'scalekit' -Prune"
        $null = Remove-HrdDomain -ConnectionName scalekit -Domain (1..40 | ForEach-Object { "orphan$_.example" }) -Confirm:$false
    }

    It 'one error lists every domain another connection routes' {
        $null = New-ScalekitConnection -Name other -HrdDomain taken1.example, taken2.example
        Clear-SandboxRequest -Sandbox $a

        Add-HrdDomain -ConnectionName scalekit -Domain taken1.example, taken2.example -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HrdDomainRoutedElsewhere,*'
        $failures[0].Exception.Message | Should -BeLike "*'taken1.example'*'taken2.example'*"
        Get-Write $a | Should -BeNullOrEmpty
    }
}
