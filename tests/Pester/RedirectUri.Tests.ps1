# The second step of the integration as a user runs it: Auth0's callback URLs allowed as redirect
# URIs of the Scalekit client, through the chained pipeline of the design.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $callback = "$($sandbox.Auth0Url)/login/callback"

    # The Scalekit environment client as Scalekit itself holds it, read or set around the module.
    function Invoke-ScalekitClientApi([string]$Method = 'GET', [hashtable]$Body) {
        $token = Invoke-RestMethod -Method POST -Uri "$($sandbox.ScalekitUrl)/oauth/token" -Body @{
            grant_type = 'client_credentials'; client_id = $sandbox.ScalekitClientId; client_secret = $sandbox.ScalekitClientSecret
        }
        $request = @{ Method = $Method; Uri = "$($sandbox.ScalekitUrl)/api/v1/clients/$($sandbox.ScalekitClientId)"; Headers = @{ Authorization = "Bearer $($token.access_token)" } }
        if ($Body) { $request += @{ Body = ConvertTo-Json $Body -Compress; ContentType = 'application/json' } }
        (Invoke-RestMethod @request).client
    }

    # Every test starts from the seeds, connected to both services as a user would be.
    function Reset-SandboxAndConnect {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }

    function Get-ClientPatch { Get-SandboxRequest -Service scalekit -Method PATCH -Path '/api/v1/clients/*' }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Sync-ScalekitRedirectUri in the chained pipeline' {
    BeforeEach {
        Reset-SandboxAndConnect
    }

    It 'allows the callback URL in post_login_uris and passes the connection on' {
        $passed = New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri -PassThru

        $passed | Should -BeOfType ([ScalekitAuth0.ScalekitConnection])
        $passed.Name | Should -Be 'scalekit'
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be @($callback)
        $patch = Get-ClientPatch
        $patch | Should -HaveCount 1
        $patch.body | Should -Be (@{ post_login_uris = @($callback) } | ConvertTo-Json -Compress)
    }

    It 'writes nothing when run again, and says nothing changed' {
        New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri
        Clear-SandboxRequest

        $again = New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri

        $again.Changed | Should -BeFalse
        $again.Unchanged | Should -Be @($callback)
        Get-ClientPatch | Should -BeNullOrEmpty
    }

    It 'keeps the URIs that were allowed before, in their place' {
        $null = Invoke-ScalekitClientApi PATCH @{ post_login_uris = @('https://app.acme.com/callback', 'http://localhost:3000/api/callback') }

        $result = New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri

        $result.Added | Should -Be @($callback)
        $result.Unchanged | Should -Be @('https://app.acme.com/callback', 'http://localhost:3000/api/callback')
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be @('https://app.acme.com/callback', 'http://localhost:3000/api/callback', $callback)
    }

    It 'updates a deployment that still shows the legacy key through redirect_uris' {
        $null = Invoke-SandboxControl PUT scalekit/client-shape @{ legacyRedirectUris = $true }
        $null = Invoke-ScalekitClientApi PATCH @{ redirect_uris = @('https://app.acme.com/callback') }
        Clear-SandboxRequest

        $result = New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri

        $result.Field | Should -Be 'redirect_uris'
        (Get-ClientPatch).body | Should -Be (@{ redirect_uris = @('https://app.acme.com/callback', $callback) } | ConvertTo-Json -Compress)
        $stored = Invoke-ScalekitClientApi
        $stored.redirect_uris | Should -Be @('https://app.acme.com/callback', $callback)
        $stored.PSObject.Properties.Name | Should -Not -Contain 'post_login_uris'
    }

    It 'adds a ready custom domain and leaves out a pending or failed one' {
        Add-SandboxCustomDomain login.acme.com -Status ready
        Add-SandboxCustomDomain pending.acme.com -Status pending_verification
        Add-SandboxCustomDomain broken.acme.com -Status failed

        $result = New-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri

        $result.RedirectUris | Should -Be @($callback, "https://login.acme.com/login/callback")
        (Get-Auth0CallbackUrl | Where-Object Source -eq CustomDomain).Domain | Should -Be 'login.acme.com'
    }

    It 'sends no write request for -WhatIf' {
        $connection = New-ScalekitConnection -Name scalekit
        Clear-SandboxRequest

        $connection | Sync-ScalekitRedirectUri -PassThru -WhatIf | Should -BeNullOrEmpty

        Get-SandboxRequest | Where-Object method -in 'POST', 'PATCH', 'PUT', 'DELETE' | Where-Object path -ne '/oauth/token' | Should -BeNullOrEmpty
        (Invoke-ScalekitClientApi).PSObject.Properties['post_login_uris'].Value | Should -BeNullOrEmpty
    }
}

Describe 'Scalekit''s cap of 5 allowed redirect URIs' {
    BeforeEach {
        Reset-SandboxAndConnect
        $four = 'https://app1.acme.com/callback', 'https://app2.acme.com/callback', 'https://app3.acme.com/callback', 'https://app4.acme.com/callback'
        $null = Invoke-ScalekitClientApi PATCH @{ post_login_uris = $four }
        Add-SandboxCustomDomain login.acme.com -Status ready
        $custom = 'https://login.acme.com/login/callback'
        $connection = New-ScalekitConnection -Name scalekit
        Clear-SandboxRequest
    }

    It 'adds the tenant''s callback, fails for the custom domain''s with ScalekitRedirectUriLimit, and keeps the 4' {
        $result = $connection | Sync-ScalekitRedirectUri -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ScalekitRedirectUriLimit,ScalekitAuth0.Commands.SyncScalekitRedirectUriCommand'
        $failures[0].TargetObject.Name | Should -Be 'scalekit'
        $message = $failures[0].Exception.Message
        $message | Should -BeLike '*at most 5 redirect URIs*'
        $message | Should -BeLike "*left out: $custom. The client allows 5 now in post_login_uris: $(($four + $callback) -join ', ').*"
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*no longer uses*Remove-ScalekitRedirectUri*'
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be @($four + $callback)
        (Get-ClientPatch).body | Should -Be (@{ post_login_uris = @($four + $callback) } | ConvertTo-Json -Compress)
    }

    It '-WhatIf says the same and writes nothing' {
        $connection | Sync-ScalekitRedirectUri -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitRedirectUriLimit,*'
        $failures[0].Exception.Message | Should -BeLike "*at most 5*left out: $custom. With this change the client would allow 5 in post_login_uris: $(($four + $callback) -join ', ').*"
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-ScalekitRedirectUri*'
        Get-SandboxRequest -Method PATCH | Should -BeNullOrEmpty
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be $four
    }

    It 'removes nothing from a full list to make room, and writes nothing' {
        $five = $four + 'https://app5.acme.com/callback'
        $null = Invoke-ScalekitClientApi PATCH @{ post_login_uris = $five }
        Clear-SandboxRequest

        $connection | Sync-ScalekitRedirectUri -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitRedirectUriLimit,*'
        $failures[0].Exception.Message | Should -BeLike "*left out: $callback, $custom.*"
        Get-ClientPatch | Should -BeNullOrEmpty
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be $five
    }

    It 'gives the same error when Scalekit itself refuses the list, and nothing is stored' {
        $null = Invoke-SandboxControl PUT scalekit/client-shape @{ legacyRedirectUris = $false; maxRedirectUris = 4 }

        $connection | Sync-ScalekitRedirectUri -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitRedirectUriLimit,*'
        $failures[0].Exception.Message | Should -BeLike "Scalekit refused*left out: $callback, $custom. The client allows 4 now*"
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-ScalekitRedirectUri*'
        (Get-ClientPatch).status | Should -Be 400
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be $four
    }
}

Describe 'Bad input: a clear error and no write' {
    BeforeAll {
        Reset-SandboxAndConnect
    }

    BeforeEach {
        Clear-SandboxRequest
    }

    It 'refuses <Url> because <Rule>' -TestCases @(
        @{ Url = 'https://acme.us.auth0.com/login/callback?connection=scalekit'; Rule = 'it has a query string' }
        @{ Url = 'https://acme.us.auth0.com/login/callback#done'; Rule = 'it has a fragment' }
        @{ Url = 'https://acme.us.auth0.com/' + ('a' * 240); Rule = 'it is 266 characters long; Scalekit allows at most 256' }
        @{ Url = 'acme.us.auth0.com/login/callback'; Rule = 'it is not an absolute http or https URL' }
    ) {
        $thrown = { Sync-ScalekitRedirectUri -CallbackUrl 'https://ok.acme.com/login/callback', $Url -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCallbackUrl,ScalekitAuth0.Commands.SyncScalekitRedirectUriCommand' -PassThru

        $thrown.Exception.Message | Should -BeLike "*'$Url'*$Rule*"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-SandboxRequest -Service scalekit | Where-Object path -like '/api/v1/clients*' | Should -BeNullOrEmpty
    }

    It 'carries the 404 and error code of a client id Scalekit does not know' {
        $thrown = { Sync-ScalekitRedirectUri -ClientId skc_0000000000 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScalekitNotFound,ScalekitAuth0.Commands.SyncScalekitRedirectUriCommand' -PassThru

        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $thrown.Exception.StatusCode | Should -Be 404
        $thrown.Exception.ErrorCode | Should -Be 'NOT_FOUND'
        $thrown.Exception.Message | Should -BeLike '*skc_0000000000*404*(NOT_FOUND)*'
        Get-ClientPatch | Should -BeNullOrEmpty
    }

    It 'reports a piped connection whose client Scalekit does not know, and goes on with the next' {
        $known = New-ScalekitConnection -Name scalekit
        $null = Invoke-SandboxAuth0Api api/v2/connections -Method POST -Body @{
            name = 'stranger'; strategy = 'oidc'
            options = @{ type = 'back_channel'; client_id = 'skc_0000000000'; client_secret = 'x'; issuer = $known.Issuer; discovery_url = $known.DiscoveryUrl; scope = 'openid' }
        }
        Clear-SandboxRequest

        $passed = Get-ScalekitConnection -Name stranger, scalekit | Sync-ScalekitRedirectUri -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $passed.Name | Should -Be 'scalekit'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitNotFound,*'
        $failures[0].TargetObject.Name | Should -Be 'stranger'
        Get-ClientPatch | Should -HaveCount 1
    }
}

Describe 'Reading and removing redirect URIs' {
    BeforeEach {
        Reset-SandboxAndConnect
        $null = Invoke-ScalekitClientApi PATCH @{ post_login_uris = @('https://app.acme.com/callback', $callback, 'https://old.acme.com/login/callback') }
    }

    It 'lists the allowed redirect URIs as strings' {
        Get-ScalekitRedirectUri | Should -Be @('https://app.acme.com/callback', $callback, 'https://old.acme.com/login/callback')
        New-ScalekitConnection -Name scalekit | Get-ScalekitRedirectUri | Should -HaveCount 3
    }

    It 'removes only the given URI and returns the result with -PassThru' {
        $result = Remove-ScalekitRedirectUri -Uri 'https://old.acme.com/login/callback' -Confirm:$false -PassThru

        $result.Removed | Should -Be @('https://old.acme.com/login/callback')
        (Invoke-ScalekitClientApi).post_login_uris | Should -Be @('https://app.acme.com/callback', $callback)
    }

    It 'sends no write request for -WhatIf' {
        Clear-SandboxRequest

        Remove-ScalekitRedirectUri -Uri $callback -WhatIf

        Get-ClientPatch | Should -BeNullOrEmpty
    }

    It 'asks before removing: ConfirmImpact is High' {
        (Get-Command Remove-ScalekitRedirectUri).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
    }
}

Describe 'Get-Auth0CallbackUrl with a token that cannot read custom domains' {
    It 'warns naming the scope and still returns the tenant''s own callback URL' {
        Reset-Sandbox
        $scopes = 'read:connections', 'create:connections', 'update:connections', 'delete:connections',
            'read:connections_options', 'update:connections_options', 'read:clients'
        $client = New-SandboxAuth0Client -Name no-custom-domains -Scope $scopes
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $client.Credential -WarningAction SilentlyContinue
        Add-SandboxCustomDomain login.acme.com -Status ready

        $urls = Get-Auth0CallbackUrl -WarningVariable warnings -WarningAction SilentlyContinue

        $urls.Url | Should -Be @($callback)
        $urls.Source | Should -Be 'Canonical'
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike '*read:custom_domains*'
    }
}
