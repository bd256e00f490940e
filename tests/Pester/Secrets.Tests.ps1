# Neither client secret (the Auth0 machine-to-machine one, the Scalekit environment one) may show up
# anywhere a user, a log or a transcript can see: any stream of the composed workflow run with
# -Verbose -Debug and every preference at Continue, $Error, the contexts' ToString() and Format-List *,
# the output objects, and the request log apart from the request bodies that must carry them.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $secrets = [ordered]@{ Auth0 = $sandbox.Auth0ClientSecret; Scalekit = $sandbox.ScalekitClientSecret }

    # Every way a secret can be written in text: as is, form-encoded, URL-escaped, JSON-escaped.
    function Get-SecretForm([string]$Secret) {
        @($Secret, [System.Net.WebUtility]::UrlEncode($Secret), [uri]::EscapeDataString($Secret), (ConvertTo-Json $Secret).Trim('"')) | Select-Object -Unique
    }

    # The names of the secrets ($secrets plus -Extra) that appear in the text.
    function Find-Secret([string]$Text, [hashtable]$Extra = @{}) {
        $all = $secrets + $Extra
        foreach ($name in $all.Keys) {
            if (Get-SecretForm $all[$name] | Where-Object { $Text.Contains($_) }) { $name }
        }
    }

    # Everything PowerShell can show of an object: its default formatting, every property, and for
    # an error record its exception chain too.
    function ConvertTo-ShownText([Parameter(ValueFromPipeline)]$InputObject) {
        process {
            if ($null -eq $InputObject) { return }
            $InputObject | Out-String -Width 4096
            $InputObject | Format-List * -Force | Out-String -Width 4096
            "$InputObject"
            if ($InputObject -is [System.Management.Automation.ErrorRecord]) {
                $InputObject.Exception.ToString()
                $InputObject.Exception | Format-List * -Force | Out-String -Width 4096
                $InputObject.ErrorDetails | Format-List * -Force | Out-String -Width 4096
            }
            elseif ($InputObject -is [System.Management.Automation.InformationalRecord]) {
                $InputObject.Message
            }
        }
    }

    # Runs each block with every stream at Continue (the cmdlets inherit the global preferences in a
    # module function) and returns all they wrote, errors included; a block's terminating error is
    # returned too, and the next block still runs.
    function Invoke-Captured([scriptblock[]]$Script) {
        $saved = $global:VerbosePreference, $global:DebugPreference, $global:InformationPreference
        $global:VerbosePreference = $global:DebugPreference = $global:InformationPreference = 'Continue'
        try {
            foreach ($block in $Script) {
                try { & $block *>&1 } catch { $_ }
            }
        }
        finally {
            $global:VerbosePreference, $global:DebugPreference, $global:InformationPreference = $saved
        }
    }
}

AfterAll {
    Stop-TestSandbox
}

Describe 'Secrets' {
    BeforeAll {
        Reset-Sandbox
        $Error.Clear()
        $shown = [System.Collections.Generic.List[string]]::new()

        # The composed workflow, with -Verbose and -Debug, and both contexts as Connect -PassThru returns them.
        $captured = @(Invoke-Captured { Invoke-ComposedWorkflow -Verbose -Debug })
        $contexts = @(Invoke-Captured {
                Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -PassThru -Verbose -Debug -WarningAction Continue }, {
                Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential -PassThru -Verbose -Debug })
        $objects = @(Invoke-Captured {
                Get-ScalekitConnection -Name scalekit -Verbose -Debug
                Test-ScalekitAuth0Integration -Name scalekit -Verbose -Debug
                Get-ScalekitRedirectUri -Verbose -Debug
            })
        # Failures whose errors must not carry a secret either: a create that keeps failing, a token
        # request that fails on the server, and the connection's secret refused by Scalekit.
        Add-SandboxFault @{ service = 'auth0'; method = 'POST'; path = '/api/v2/connections'; count = 2; kind = 'status'; status = 500 }
        # Five: a token request is safe to repeat, so a 500 is retried up to the transport's five tries.
        Add-SandboxFault @{ service = 'scalekit'; method = 'POST'; path = '/oauth/token'; count = 5; kind = 'status'; status = 500 }
        $failures = @(Invoke-Captured {
                New-ScalekitConnection -Name second -Verbose -Debug }, {
                Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential -Verbose -Debug })
        Clear-SandboxFault

        $captured, $contexts, $objects, $failures | ForEach-Object { $_ } | ConvertTo-ShownText | ForEach-Object { $shown.Add($_) }
        $contexts | ForEach-Object { $shown.Add($_.ToString()); $shown.Add(($_ | ConvertTo-Json -Depth 3)) }
        $Error | ConvertTo-ShownText | ForEach-Object { $shown.Add($_) }
    }

    It 'ran what it meant to: the workflow worked, -Verbose traced HTTP, the failures were errors, and a secret is found where it is' {
        Find-Secret "before $([uri]::EscapeDataString($secrets.Scalekit)) after" | Should -Be Scalekit
        @($captured | Where-Object { $_ -is [ScalekitAuth0.IntegrationCheck] }).Status | Select-Object -Unique | Should -Be Pass
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'POST */oauth/token -> 200*' }) | Should -Not -BeNullOrEmpty
        @($contexts | Where-Object { $_ -is [ScalekitAuth0.Auth0Context] }) | Should -HaveCount 1
        @($contexts | Where-Object { $_ -is [ScalekitAuth0.ScalekitContext] }) | Should -HaveCount 1
        @($failures | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -HaveCount 2
        $Error.Count | Should -BeGreaterOrEqual 2
    }

    It 'shows neither secret in any stream, in $Error, in the contexts or in the output objects' {
        $found = @($shown | ForEach-Object { Find-Secret $_ } | Select-Object -Unique)

        $found | Should -BeNullOrEmpty
    }

    It 'sends each secret only in the request bodies that must carry it' {
        $requests = @(Get-SandboxRequest)
        $carriers = @($requests | Where-Object { "$($_.path)?$($_.query) $($_.body)" | ForEach-Object { Find-Secret $_ } })

        # Where each secret must go: the token requests, and Auth0's copy of the Scalekit secret in the connection's options.
        $allowed = @{
            Auth0    = @('auth0 POST /oauth/token')
            Scalekit = @('scalekit POST /oauth/token', 'auth0 POST /api/v2/connections', 'auth0 PATCH /api/v2/connections/*')
        }
        foreach ($request in $carriers) {
            "$($request.path)?$($request.query)" | ForEach-Object { Find-Secret $_ } | Should -BeNullOrEmpty -Because 'a secret never goes into a URL'
            foreach ($name in Find-Secret $request.body) {
                $where = "$($request.service) $($request.method) $($request.path)"
                @($allowed[$name] | Where-Object { $where -like $_ }) | Should -Not -BeNullOrEmpty -Because "the $name secret must not be sent in $where"
            }
        }
        $create = $requests | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/api/v2/connections' -and $_.status -eq 201 } | Select-Object -First 1
        ($create.body | ConvertFrom-Json).options.client_secret | Should -Be $secrets.Scalekit
    }

    It 'never puts a refused secret in the error of the token request that refused it' {
        $wrong = @{ WrongAuth0 = 'wrong-auth0-secret-6f1c2a'; WrongScalekit = 'wrong-scalekit-secret-9b7d4e' }
        $auth0Secret = ConvertTo-TestSecureString $wrong.WrongAuth0
        $scalekitSecret = ConvertTo-TestSecureString $wrong.WrongScalekit
        # The connection's copy of the Scalekit secret made wrong behind the module's back, before capturing.
        $stored = Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit' | Select-Object -First 1
        $stored.options.client_secret = $wrong.WrongScalekit
        $null = Invoke-SandboxAuth0Api "api/v2/connections/$($stored.id)" -Method PATCH -Body @{ options = $stored.options }
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        $Error.Clear()

        $refused = @(Invoke-Captured {
                Connect-Auth0 -Domain $sandbox.Auth0Url -ClientId $sandbox.Auth0ClientId -ClientSecret $auth0Secret -Verbose -Debug }, {
                Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -ClientId $sandbox.ScalekitClientId -ClientSecret $scalekitSecret -Verbose -Debug }, {
                Test-ScalekitAuth0Integration -Name scalekit -Verbose -Debug | Where-Object Check -EQ ClientSecret
            })

        @($refused | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId |
            Should -Be @('Auth0CredentialsRefused,ScalekitAuth0.Commands.ConnectAuth0Command', 'ScalekitCredentialsRefused,ScalekitAuth0.Commands.ConnectScalekitCommand')
        ($refused | Where-Object { $_ -is [ScalekitAuth0.IntegrationCheck] }).Status | Should -Be Fail
        $text = @($refused; $Error) | ConvertTo-ShownText
        @($text | ForEach-Object { Find-Secret $_ $wrong } | Select-Object -Unique) | Should -BeNullOrEmpty
    }

    It 'refuses <Command> -<Parameter> with user info, which shows nowhere: message, ErrorDetails, TargetObject, transcript' -ForEach @(
        @{ Command = 'Connect-Auth0'; Parameter = 'Domain'; Template = 'http://{0}@127.0.0.1:1'; Credential = 'Auth0Credential' }
        @{ Command = 'Connect-Scalekit'; Parameter = 'EnvironmentUrl'; Template = 'https://{0}@acme.scalekit.com'; Credential = 'ScalekitCredential' }
    ) {
        # The pasted secret, never written literally in this file or the command line the transcript may show.
        $pasted = 'sks_' + [guid]::NewGuid().ToString('N')
        $arguments = @{ $Parameter = ($Template -f "skc_123:$pasted"); Credential = $sandbox.$Credential }
        $transcript = Join-Path $TestDrive "$Command.txt"
        Clear-SandboxRequest

        $null = Start-Transcript -LiteralPath $transcript
        try {
            try { & $Command @arguments -ErrorAction Stop } catch { $record = $_ }
            $record | Out-Host
            $record | Format-List * -Force | Out-Host
        }
        finally {
            $null = Stop-Transcript
        }

        Get-ErrorId $record | Should -Be ('Invalid{0}{1}' -f ($Command -replace '^Connect-'), $Parameter)
        $record.Exception.Message | Should -BeLike "*$Parameter*" -Because 'the message names the parameter'
        $record.Exception.Message | Should -BeLike '*user name or password*'
        $record.Exception.Message | Should -Not -BeLike "*$pasted*"
        "$($record.ErrorDetails.Message) $($record.ErrorDetails.RecommendedAction)" | Should -Not -BeLike "*$pasted*"
        $record.TargetObject | Should -BeLike '*://***@*'
        "$($record.TargetObject)" | Should -Not -BeLike "*$pasted*"
        $logged = Get-Content -LiteralPath $transcript -Raw
        $logged | Should -BeLike '*user name or password*' -Because 'the transcript recorded the error'
        $logged | Should -Not -BeLike "*$pasted*"
        ($record | ConvertTo-ShownText) -join "`n" | Should -Not -BeLike "*$pasted*"
        Get-SandboxRequest | Should -BeNullOrEmpty -Because 'nothing is sent for a refused address'
    }
}
