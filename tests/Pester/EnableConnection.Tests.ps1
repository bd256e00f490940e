# Enable-ScalekitConnection, Disable-ScalekitConnection and New-ScalekitConnection -EnabledClient
# against the sandbox. What the tenant holds is read straight from the Management API, not through
# the module, so a module bug cannot hide itself.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox

    # A Management API read with the sandbox's seeded credentials, bypassing the module.
    function Invoke-Auth0Read([string]$PathAndQuery) {
        $token = Invoke-RestMethod -Method Post -Uri "$($sandbox.Auth0Url)/oauth/token" -ContentType 'application/json' -Body (@{
                grant_type    = 'client_credentials'
                client_id     = $sandbox.Auth0ClientId
                client_secret = $sandbox.Auth0ClientSecret
                audience      = "$($sandbox.Auth0Url)/api/v2/"
            } | ConvertTo-Json)
        Invoke-RestMethod -Uri "$($sandbox.Auth0Url)/$PathAndQuery" -Headers @{ Authorization = "Bearer $($token.access_token)" }
    }

    # The connection's enabled client ids, as Auth0 itself reports them.
    function Get-EnabledClientId([string]$ConnectionId) {
        @((Invoke-Auth0Read "api/v2/connections/$ConnectionId/clients?take=1000").clients.client_id)
    }

    function Get-ApplicationId([string]$Name) {
        @(Invoke-Auth0Read 'api/v2/clients?fields=client_id,name&include_fields=true' | ForEach-Object { $_ } | Where-Object name -CEQ $Name).client_id
    }

    # Requests that change the tenant; the token request changes nothing.
    function Get-SandboxWrite {
        @(Get-SandboxRequest -Service auth0 | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' })
    }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Turning the Scalekit connection on and off for Auth0 applications' {
    BeforeEach {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -WarningAction SilentlyContinue
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential -WarningAction SilentlyContinue
        $myApp = Get-ApplicationId 'My App'
        $otherApp = Get-ApplicationId 'Other App'
    }

    It 'New-ScalekitConnection -EnabledClient ''My App'' creates the connection enabled for My App' {
        $connection = New-ScalekitConnection -Name scalekit -EnabledClient 'My App'

        Get-EnabledClientId $connection.Id | Should -Be @($myApp)
        $connection.EnabledClients | Should -Be @('My App')
        (Get-ScalekitConnection -Name scalekit).EnabledClients | Should -Be @('My App') -Because 'Get- reads them too, the same way'
        (Get-ScalekitConnection).EnabledClients | Should -Be @('My App')
    }

    It 'New-ScalekitConnection -EnabledClient run again sends nothing' {
        $null = New-ScalekitConnection -Name scalekit -EnabledClient 'My App'
        Clear-SandboxRequest

        $again = New-ScalekitConnection -Name scalekit -EnabledClient 'My App'

        $again.EnabledClients | Should -Be @('My App')
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'Enable then Disable round-trips, changing only the applications named' {
        $connection = New-ScalekitConnection -Name scalekit

        $enabled = Enable-ScalekitConnection -Name scalekit -Application 'My App', $otherApp -PassThru
        $enabled.EnabledClients | Sort-Object | Should -Be @('My App', 'Other App')
        Get-EnabledClientId $connection.Id | Sort-Object | Should -Be (@($myApp, $otherApp) | Sort-Object)

        $disabled = $connection | Disable-ScalekitConnection -Application 'Other App' -PassThru
        $disabled.EnabledClients | Should -Be @('My App')
        Get-EnabledClientId $connection.Id | Should -Be @($myApp)

        Disable-ScalekitConnection -Name scalekit -Application 'My App'
        Get-EnabledClientId $connection.Id | Should -BeNullOrEmpty
    }

    It 'takes applications from the pipeline and writes them in one request' {
        $connection = New-ScalekitConnection -Name scalekit
        Clear-SandboxRequest

        $result = 'My App', 'Other App' | Enable-ScalekitConnection -Name scalekit -PassThru

        $result | Should -HaveCount 1
        $patches = @(Get-SandboxRequest -Service auth0 -Method PATCH)
        $patches | Should -HaveCount 1
        $patches[0].path | Should -Be "/api/v2/connections/$($connection.Id)/clients"
        Get-EnabledClientId $connection.Id | Sort-Object | Should -Be (@($myApp, $otherApp) | Sort-Object)
    }

    It 'sends nothing when the connection already has the asked status' {
        $null = New-ScalekitConnection -Name scalekit -EnabledClient 'My App'
        Clear-SandboxRequest

        Enable-ScalekitConnection -Name scalekit -Application 'My App'
        Disable-ScalekitConnection -Name scalekit -Application 'Other App'

        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It '-WhatIf writes nothing' {
        $connection = New-ScalekitConnection -Name scalekit -EnabledClient 'Other App'
        Clear-SandboxRequest

        $out = @(
            Enable-ScalekitConnection -Name scalekit -Application 'My App' -PassThru -WhatIf
            Disable-ScalekitConnection -Name scalekit -Application 'Other App' -PassThru -WhatIf
            New-ScalekitConnection -Name scalekit -EnabledClient 'My App' -WhatIf
            New-ScalekitConnection -Name scalekit-two -EnabledClient 'My App' -WhatIf
        )

        Get-SandboxWrite | Should -BeNullOrEmpty
        Get-EnabledClientId $connection.Id | Should -Be @($otherApp)
        # Only the unchanged existing connection that New-ScalekitConnection found comes out.
        $out | Should -HaveCount 1
    }

    It 'an unknown application name is an error naming it, and nothing is created or changed' {
        $null = New-ScalekitConnection -Name scalekit-unknown -EnabledClient 'My App', 'No Such App' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Auth0ApplicationNotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -BeLike "*'No Such App'*"
        Get-SandboxWrite | Should -BeNullOrEmpty
        Get-ScalekitConnection -Name scalekit-unknown -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $null = New-ScalekitConnection -Name scalekit
        Clear-SandboxRequest
        'My App', 'Nope 1', 'Nope 2' | Enable-ScalekitConnection -Name scalekit -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 2
        $failed.TargetObject | Should -Be @('Nope 1', 'Nope 2')
        Get-SandboxWrite | Should -BeNullOrEmpty
    }

    It 'a name two applications share is an error listing both client ids' {
        $twin = (Invoke-SandboxControl POST auth0/applications @{ name = 'My App' }).client_id
        $null = New-ScalekitConnection -Name scalekit
        Clear-SandboxRequest

        Enable-ScalekitConnection -Name scalekit -Application 'My App' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Auth0ApplicationAmbiguous,*'
        $failed[0].Exception.Message | Should -BeLike "*$myApp*"
        $failed[0].Exception.Message | Should -BeLike "*$twin*"
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike '*client id*'
        Get-SandboxWrite | Should -BeNullOrEmpty

        Enable-ScalekitConnection -Name scalekit -Application $twin
        (Get-ScalekitConnection -Name scalekit | Enable-ScalekitConnection -Application $twin -PassThru).EnabledClients | Should -Be @($twin)
    }

    It 'a connection that is not there is an error with a stable id, and nothing is written' {
        Enable-ScalekitConnection -Name absent -Application 'My App' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ScalekitConnectionNotFound,*'
        Get-SandboxWrite | Should -BeNullOrEmpty
    }
}
