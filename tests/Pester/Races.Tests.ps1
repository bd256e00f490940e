# Concurrent writers of one connection's options and of one Scalekit client's redirect URIs, raced
# with Start-ThreadJob (as Azure Automation jobs sharing a sandbox race), each case in a loop. The
# sandbox's fault rules make the race land the same way every time: a 429 with Retry-After, or a slow
# PATCH, on the first writer's write while the second one writes. Every case counts its outcomes,
# asserts them, and prints one line ("R1-429: 20/20 both present"), collected in output/TestResults/races.md.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-Module (Join-Path $PSScriptRoot 'RaceHelpers.psm1')
    $sandbox = Start-TestSandbox
    $rounds = 20
    $results = [System.Collections.Generic.List[string]]::new()

    # A short settle window keeps 20 rounds of each race inside CI's time: what these races check is
    # that no change is lost (the lock and the re-merge), not how long a read-back waits.
    $internal = [Reflection.BindingFlags]'Static,NonPublic'
    $settleBase = [ScalekitAuth0.Commands.AddHrdDomainCommand].Assembly.GetType('ScalekitAuth0.Http.CheckedWrite').GetProperty('DefaultSettleBase', $internal)
    $shippedSettleBase = $settleBase.GetValue($null)
    $settleBaseMs = 100
    $settleBase.SetValue($null, [TimeSpan]::FromMilliseconds($settleBaseMs))

    # Writers in thread jobs of this process (as Azure Automation jobs share a sandbox), each
    # connected once and then given one command a round.
    $writers = foreach ($i in 1..3) {
        $inbox = [System.Collections.Concurrent.BlockingCollection[object]]::new()
        $outbox = [System.Collections.Concurrent.BlockingCollection[object]]::new()
        $job = Start-ThreadJob -ArgumentList $ModuleManifestPath, $sandbox, $inbox, $outbox -ScriptBlock {
            param($Manifest, $Sandbox, $Inbox, $Outbox)
            Import-Module $Manifest
            Connect-Auth0 -Domain $Sandbox.Auth0Url -Credential $Sandbox.Auth0Credential -WarningAction SilentlyContinue
            Connect-Scalekit -EnvironmentUrl $Sandbox.ScalekitUrl -Credential $Sandbox.ScalekitCredential
            foreach ($order in $Inbox.GetConsumingEnumerable()) {
                $work = [scriptblock]::Create($order.Command)
                $null = $order.Ready.Signal()
                $order.Go.Wait()
                if ($order.DelayMs) { Start-Sleep -Milliseconds $order.DelayMs }
                $ErrorActionPreference = 'Stop'
                $outcome = try {
                    $null = & $work
                    'ok'
                }
                catch {
                    "error $($_.FullyQualifiedErrorId -replace ',.*$')"
                }
                $ErrorActionPreference = 'Continue'
                $Outbox.Add($outcome)
            }
        }
        [pscustomobject]@{ Job = $job; Inbox = $inbox; Outbox = $outbox }
    }

    # Each writer gets one command; all are let go at once, each starting DelayMs after that.
    # Returns, per writer, 'ok' or 'error <ErrorId>'.
    function Invoke-Race([hashtable[]]$Writer) {
        $ready = [System.Threading.CountdownEvent]::new($Writer.Count)
        $go = [System.Threading.ManualResetEventSlim]::new($false)
        for ($i = 0; $i -lt $Writer.Count; $i++) {
            $writers[$i].Inbox.Add(@{ Command = $Writer[$i].Command; DelayMs = $Writer[$i].DelayMs; Ready = $ready; Go = $go })
        }
        if (-not $ready.Wait([TimeSpan]::FromSeconds(60))) { throw 'The writers did not take their commands within 60 s.' }
        $go.Set()
        $outcome = $null
        for ($i = 0; $i -lt $Writer.Count; $i++) {
            if (-not $writers[$i].Outbox.TryTake([ref]$outcome, [TimeSpan]::FromSeconds(120))) { throw "Writer $($i + 1) did not finish within 120 s." }
            $outcome
        }
        $ready.Dispose()
        $go.Dispose()
    }

    function Get-StoredConnection { Invoke-SandboxAuth0Api 'api/v2/connections?name=scalekit' | Select-Object -First 1 }

    function Get-StoredAlias { @((Get-StoredConnection).options.domain_aliases) }

    function New-RaceConnection([string[]]$HrdDomain = @()) {
        Reset-Sandbox
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -WarningAction SilentlyContinue
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        $parameters = @{ Name = 'scalekit' }
        if ($HrdDomain) { $parameters.HrdDomain = $HrdDomain }
        $null = New-ScalekitConnection @parameters
    }

    # Runs one case $rounds times; $Round sets up, races and returns whether the end state is right.
    function Measure-Race([string]$Name, [string]$Goal, [scriptblock]$Round, [int]$Rounds = $rounds) {
        $good = 0
        $seen = [System.Collections.Generic.Dictionary[string, int]]::new()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        for ($i = 1; $i -le $Rounds; $i++) {
            $outcome = & $Round
            if ($outcome.Good) { $good++ }
            $key = (@($outcome.Outcomes) | Sort-Object) -join ' + '
            $seen[$key] = 1 + ($seen.ContainsKey($key) ? $seen[$key] : 0)
        }
        $line = '{0}: {1}/{2} {3} (commands: {4}; {5:0} s)' -f $Name, $good, $Rounds, $Goal,
            (($seen.GetEnumerator() | ForEach-Object { "$($_.Key) x$($_.Value)" }) -join ', '), $watch.Elapsed.TotalSeconds
        Write-Host $line
        $results.Add($line)
        $good
    }
}

AfterAll {
    foreach ($writer in $writers) { $writer.Inbox.CompleteAdding() }
    $writers.Job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Continue
    $settleBase.SetValue($null, $shippedSettleBase)
    if ($results.Count -gt 0) {
        $directory = Join-Path $RepoRoot 'output/TestResults'
        $null = New-Item -ItemType Directory -Path $directory -Force
        Set-Content -LiteralPath (Join-Path $directory 'races.md') -Value $results -Encoding utf8NoBOM
    }
    Stop-TestSandbox
}

Describe 'Two writers of one connection''s options at once' {
    BeforeAll {
        # Writer A's command at once, B's DelayMs later, with a fault on the first connection PATCH
        # (A's); $Holds says, from the domains Auth0 ends with, whether both changes are there.
        function Measure-HrdRace([string]$Name, [string]$Goal, [hashtable]$Fault, [string[]]$Command, [int]$DelayMs, [scriptblock]$Holds, [string[]]$HrdDomain = @()) {
            Measure-Race $Name $Goal {
                New-RaceConnection -HrdDomain $HrdDomain
                $null = Add-SandboxFault (@{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/'; count = 1 } + $Fault)
                $outcomes = Invoke-Race @(
                    @{ DelayMs = 0; Command = $Command[0] }
                    @{ DelayMs = $DelayMs; Command = $Command[1] })
                @{ Outcomes = $outcomes; Good = & $Holds (Get-StoredAlias) }
            }
        }
        $adding = 'Add-HrdDomain -ConnectionName scalekit -Domain a.example.com', 'Add-HrdDomain -ConnectionName scalekit -Domain b.example.com'
        $bothAdded = { param($aliases) ('a.example.com' -in $aliases) -and ('b.example.com' -in $aliases) }
    }

    It 'R1-429: a domain added while the other writer waits out a 429 is kept' {
        Measure-HrdRace 'R1-429' 'both present' @{ kind = 'status'; status = 429; retryAfter = '1' } $adding 200 $bothAdded | Should -Be $rounds
    }

    It 'R1-slow: a domain added while the other writer''s PATCH is slow is kept' {
        Measure-HrdRace 'R1-slow' 'both present' @{ kind = 'delay'; delayMs = 600 } $adding 100 $bothAdded | Should -Be $rounds
    }

    It 'R1-remove-429: a domain removed while the other remover waits out a 429 stays removed' {
        $removing = 'Remove-HrdDomain -ConnectionName scalekit -Domain ra.example.com -Confirm:$false', 'Remove-HrdDomain -ConnectionName scalekit -Domain rb.example.com -Confirm:$false'
        $bothRemoved = { param($aliases) ('ra.example.com' -notin $aliases) -and ('rb.example.com' -notin $aliases) -and ('keep.example.com' -in $aliases) }
        Measure-HrdRace 'R1-remove-429' 'both removed' @{ kind = 'status'; status = 429; retryAfter = '1' } $removing 200 $bothRemoved -HrdDomain keep.example.com, ra.example.com, rb.example.com |
            Should -Be $rounds
    }

    It 'R2: a secret rotated 50 ms after an HRD write began is not reverted by it' {
        # The connection starts with an old secret; the rotation hands Auth0 the one Scalekit accepts now.
        $rotated = $sandbox.ScalekitClientSecret
        $good = Measure-Race 'R2' 'both present' {
            New-RaceConnection
            $stored = Get-StoredConnection
            $stored.options.client_secret = 'old-secret-0123456789'
            $null = Invoke-SandboxAuth0Api "api/v2/connections/$($stored.id)" -Method PATCH -Body @{ options = $stored.options; display_name = $stored.display_name }
            $null = Add-SandboxFault @{ service = 'auth0'; path = '/api/v2/'; kind = 'delay'; delayMs = 100 }
            $outcomes = Invoke-Race @(
                @{ DelayMs = 0; Command = 'Add-HrdDomain -ConnectionName scalekit -Domain a.example.com' }
                @{ DelayMs = 50; Command = "Set-ScalekitConnection -Name scalekit -ClientSecret ([System.Net.NetworkCredential]::new('', '$rotated').SecurePassword) -Scope 'openid profile email offline_access'" })
            Clear-SandboxFault
            $stored = Get-StoredConnection
            $good = ('a.example.com' -in @($stored.options.domain_aliases)) -and $stored.options.client_secret -ceq $rotated -and $stored.options.scope -ceq 'openid profile email offline_access'
            @{ Outcomes = $outcomes; Good = $good }
        }
        $good | Should -Be $rounds
    }
}

Describe 'Two writers of one Scalekit client''s redirect URIs at once' {
    It 'R3: a callback allowed while the other writer''s PATCH is slow is kept' {
        $good = Measure-Race 'R3' 'both present' {
            Reset-Sandbox
            $null = Add-SandboxFault @{ service = 'scalekit'; method = 'PATCH'; path = '/api/v1/clients/'; count = 1; kind = 'delay'; delayMs = 600 }
            $outcomes = Invoke-Race @(
                @{ DelayMs = 0; Command = 'Sync-ScalekitRedirectUri -CallbackUrl https://dev.example.com/login/callback' }
                @{ DelayMs = 100; Command = 'Sync-ScalekitRedirectUri -CallbackUrl https://prod.example.com/login/callback' })
            $uris = @((Invoke-SandboxScalekitApi "api/v1/clients/$($sandbox.ScalekitClientId)").client.post_login_uris)
            @{ Outcomes = $outcomes; Good = ('https://dev.example.com/login/callback' -in $uris) -and ('https://prod.example.com/login/callback' -in $uris) }
        }
        $good | Should -Be $rounds
    }
}

Describe 'Three creates of one connection at once' {
    It 'R6: one connection, and all three commands succeed' {
        $good = Measure-Race 'R6' 'one connection and three successes' {
            Reset-Sandbox
            # Slow reads, so that all three look the name up before any of them has created it.
            $null = Add-SandboxFault @{ service = 'auth0'; method = 'GET'; path = '/api/v2/connections'; kind = 'delay'; delayMs = 100 }
            $outcomes = Invoke-Race @(
                foreach ($i in 1..3) { @{ DelayMs = 0; Command = 'New-ScalekitConnection -Name scalekit' } })
            Clear-SandboxFault
            $created = @(Get-SandboxRequest -Service auth0 -Method POST -Path '/api/v2/connections' | Where-Object status -EQ 201)
            $stored = @(Invoke-SandboxAuth0Api 'api/v2/connections?strategy=oidc' | ForEach-Object { $_ } | Where-Object name -EQ scalekit)
            @{ Outcomes = $outcomes; Good = $stored.Count -eq 1 -and $created.Count -eq 1 -and @($outcomes | Where-Object { $_ -ne 'ok' }).Count -eq 0 }
        }
        $good | Should -Be $rounds
    }
}

Describe 'Two writers in separate processes on one machine' {
    BeforeAll {
        $environment = Get-SandboxEnvironment
        $processes = @(foreach ($i in 1..2) { Start-RaceWorker -Manifest $ModuleManifestPath -Environment $environment -SettleBaseMs $settleBaseMs })
        $processRounds = 5
    }

    AfterAll {
        $processes | Stop-RaceWorker
    }

    It 'R1-429 between processes: both domains, one writer having waited for the other''s lock' {
        $good = Measure-Race 'R1-429-processes' 'both present, one writer waited for the lock' -Rounds $processRounds {
            New-RaceConnection
            $null = Add-SandboxFault @{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/'; count = 1; kind = 'status'; status = 429; retryAfter = '1' }
            $answers = @(Invoke-RaceRound -Worker $processes -DelayMs 0, 200 -Command @(
                    'Add-HrdDomain -ConnectionName scalekit -Domain a.example.com'
                    'Add-HrdDomain -ConnectionName scalekit -Domain b.example.com'))
            $aliases = Get-StoredAlias
            $waited = @($answers.verbose) -match 'for another writer of Auth0 connection .* on this machine'
            @{ Outcomes = $answers.outcome; Good = ('a.example.com' -in $aliases) -and ('b.example.com' -in $aliases) -and [bool]$waited }
        }
        $good | Should -Be $processRounds
    }

    It 'a writer killed while it holds the lock keeps no other writer out' {
        New-RaceConnection
        # The first writer's PATCH hangs long enough to be killed in the middle of its checked write.
        $null = Add-SandboxFault @{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/'; count = 1; kind = 'delay'; delayMs = 15000 }
        Clear-SandboxRequest
        Send-RaceOrder $processes[0] 'Add-HrdDomain -ConnectionName scalekit -Domain a.example.com'
        # Its plan's read, then the read under the lock: then it sends the PATCH, which the log shows only once answered.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Get-SandboxRequest -Service auth0 -Method GET -Path '/api/v2/connections/*').Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        @(Get-SandboxRequest -Service auth0 -Method GET -Path '/api/v2/connections/*').Count | Should -Be 2 -Because 'the first writer has read the connection under its lock'
        Start-Sleep -Milliseconds 500
        $processes[0].Kill()
        $processes[0].WaitForExit()

        $answer = @(Invoke-RaceRound -Worker $processes[1] -DelayMs 0 -Command 'Add-HrdDomain -ConnectionName scalekit -Domain b.example.com')

        $answer.outcome | Should -Be 'ok'
        Get-StoredAlias | Should -Contain 'b.example.com'
    }
}
