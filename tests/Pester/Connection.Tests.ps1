# The first step of the integration as a user runs it: Scalekit as an OIDC connection in Auth0.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox
}

Describe 'The Scalekit connection, end to end' {
    BeforeAll {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }

    It 'creates the connection the real API wants' {
        $connection = New-ScalekitConnection -Name scalekit -DisplayName 'Acme SSO'

        $connection.Name | Should -Be 'scalekit'
        $connection.ChannelType | Should -Be 'back_channel'
        $connection.Scope | Should -Be 'openid profile email'
        $connection.Issuer | Should -Be $sandbox.ScalekitUrl
        $connection.ClientId | Should -Be $sandbox.ScalekitClientId
        $connection.ForwardsLoginHint | Should -BeTrue
        $stored = Invoke-SandboxAuth0Api "api/v2/connections/$($connection.Id)"
        $stored.options.client_secret | Should -Be $sandbox.ScalekitClientSecret
        $stored.options.discovery_url | Should -Be "$($sandbox.ScalekitUrl)/.well-known/openid-configuration"
    }

    It 'gets it by name, by id and among all connections' {
        $byName = Get-ScalekitConnection -Name scalekit
        (Get-ScalekitConnection -Id $byName.Id).Name | Should -Be 'scalekit'
        (Get-ScalekitConnection).Name | Should -Contain 'scalekit'
        (Get-ScalekitConnection -Name 'scale*').Id | Should -Be $byName.Id
    }

    It 'changes the display name and keeps the secret, the HRD domains and the upstream parameters' {
        $id = (Get-ScalekitConnection -Name scalekit).Id
        $before = Invoke-SandboxAuth0Api "api/v2/connections/$id"
        $before.options | Add-Member -NotePropertyName domain_aliases -NotePropertyValue @('acme.com') -Force
        $before.options.upstream_params | Add-Member -NotePropertyName screen_hint -NotePropertyValue @{ value = 'signup' }
        $null = Invoke-SandboxAuth0Api "api/v2/connections/$id" -Method PATCH -Body @{ options = $before.options; display_name = $before.display_name }

        $changed = Set-ScalekitConnection -Name scalekit -DisplayName x -PassThru

        $changed.DisplayName | Should -Be 'x'
        $stored = Invoke-SandboxAuth0Api "api/v2/connections/$id"
        $stored.display_name | Should -Be 'x'
        $stored.options.client_secret | Should -Be $sandbox.ScalekitClientSecret
        $stored.options.domain_aliases | Should -Be @('acme.com')
        $stored.options.upstream_params.login_hint.alias | Should -Be 'login_hint'
        $stored.options.upstream_params.screen_hint.value | Should -Be 'signup'
    }

    It 'returns the existing connection when run again, writing nothing' {
        Clear-SandboxRequest

        $again = New-ScalekitConnection -Name scalekit -DisplayName x

        $again.DisplayName | Should -Be 'x'
        @(Get-ScalekitConnection -Name scalekit).Count | Should -Be 1
        Get-SandboxRequest -Service auth0 | Where-Object method -ne 'GET' | Where-Object path -ne '/oauth/token' | Should -BeNullOrEmpty
    }

    It 'sends no write request for -WhatIf' {
        Clear-SandboxRequest

        New-ScalekitConnection -Name other -WhatIf | Should -BeNullOrEmpty
        Set-ScalekitConnection -Name scalekit -DisplayName y -WhatIf
        Remove-ScalekitConnection -Name scalekit -WhatIf

        Get-SandboxRequest | Where-Object method -in 'POST', 'PATCH', 'PUT', 'DELETE' | Where-Object path -ne '/oauth/token' | Should -BeNullOrEmpty
        (Get-ScalekitConnection -Name scalekit).DisplayName | Should -Be 'x'
    }

    It 'removes it without asking when -Confirm:$false is given' {
        $removed = Get-ScalekitConnection -Name scalekit | Remove-ScalekitConnection -Confirm:$false -PassThru

        $removed.Name | Should -Be 'scalekit'
        { Get-ScalekitConnection -Name scalekit -ErrorAction Stop } | Should -Throw -ErrorId 'ScalekitConnectionNotFound,ScalekitAuth0.Commands.GetScalekitConnectionCommand'
    }
}

Describe 'Rate limits and failures on the create' {
    BeforeEach {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
    }

    It 'waits out a 429 with Retry-After: 1 and succeeds' {
        Add-SandboxFault @{ service = 'auth0'; method = 'POST'; path = '/api/v2/connections'; count = 1; kind = 'status'; status = 429; retryAfter = '1' }

        (New-ScalekitConnection -Name scalekit).Name | Should -Be 'scalekit'

        (Get-SandboxRequest -Method POST -Path '/api/v2/connections').status | Should -Be @(429, 201)
    }

    It 'looks the connection up by name after a 503 before creating it, and creates it once' {
        Add-SandboxFault @{ service = 'auth0'; method = 'POST'; path = '/api/v2/connections'; count = 1; kind = 'status'; status = 503 }

        (New-ScalekitConnection -Name scalekit).Name | Should -Be 'scalekit'

        $calls = Get-SandboxRequest -Path '/api/v2/connections' | ForEach-Object { "$($_.method) $($_.status)" }
        $calls | Should -Be @('GET 200', 'POST 503', 'GET 200', 'POST 201')
        @(Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit').Count | Should -Be 1
    }
}

Describe 'Connecting to a host that cannot be reached' {
    It 'names a host whose name does not resolve, advises the domain and DNS, tries at most twice, and keeps the session' {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential
        $trace = [System.Collections.Generic.List[string]]::new()

        $thrown = { Connect-Auth0 -Domain nowhere.invalid -Credential $sandbox.Auth0Credential -Verbose -ErrorAction Stop 4>&1 |
                ForEach-Object { $trace.Add("$_") } } |
            Should -Throw -ErrorId 'Auth0Unreachable,ScalekitAuth0.Commands.ConnectAuth0Command' -PassThru

        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
        $thrown.Exception.Message | Should -BeLike "Could not get an Auth0 token: *'nowhere.invalid' could not be resolved*"
        $thrown.ErrorDetails.RecommendedAction | Should -BeLike "*'nowhere.invalid'*domain*DNS*"
        $thrown.ErrorDetails.RecommendedAction | Should -Not -BeLike '*client secret*'
        $attempts = @($trace | Where-Object { $_ -like 'POST https://nowhere.invalid/oauth/token -> *' })
        $attempts.Count | Should -BeIn 1, 2 -Because "a name that does not resolve gets one retry at most: $($trace -join ' | ')"
        (Get-Auth0CallbackUrl).Url | Should -Be "$($sandbox.Auth0Url)/login/callback" -Because 'the session connected before is kept' 
    }
}
