# The whole composed workflow of the design (Connect-Auth0, Connect-Scalekit, New-ScalekitConnection
# -EnabledClient | Sync-ScalekitRedirectUri -PassThru | Add-HrdDomain -Organization (New-ScalekitOrganization),
# Set-Auth0LoginPrompt -IdentifierFirst, Test-ScalekitAuth0Integration, Test-ScalekitAuth0Login) under each fault the APIs really produce. Every outcome must be one of:
#   - success, with the tenant in the right state and every check passing;
#   - a terminating error with a stable, specific ErrorId, after which a plain re-run converges.
# Either way, no object is created twice (counted from the sandbox's request log, creates it really ran).
# The fault x outcome table is printed at the end and written to output/TestResults/faults.md.
BeforeDiscovery {
    # Selectors for the first request of a kind; each case sets a status, kind or header on them.
    $auth0Read = @{ service = 'auth0'; method = 'GET'; path = '/api/v2/'; count = 1 }
    $scalekitRead = @{ service = 'scalekit'; method = 'GET'; path = '/api/v1/'; count = 1 }
    $auth0Create = @{ service = 'auth0'; method = 'POST'; path = '/api/v2/connections'; count = 1 }
    $auth0Patch = @{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/'; count = 1 }
    $organizationCreate = @{ service = 'scalekit'; method = 'POST'; path = '/api/v1/organizations'; count = 1 }
    $domainCreate = @{ service = 'scalekit'; method = 'POST'; path = '/api/v1/organizations/'; count = 1 }
    $clientPatch = @{ service = 'scalekit'; method = 'PATCH'; path = '/api/v1/clients/'; count = 1 }

    function Rule([hashtable]$Selector, [hashtable]$Fault) { $Selector + $Fault }

    $cases = [System.Collections.Generic.List[hashtable]]::new()
    # -Expect pins the outcome this module gives today (success, or "error <ErrorId>"), so a change in
    # behaviour under a fault shows up as a failing test, not only as a different row in the table.
    function Case([string]$Name, [hashtable[]]$Faults = @(), [hashtable]$Options = @{}, [string]$Expect = 'success') {
        $cases.Add(@{ Name = $Name; Faults = $Faults; Expect = $Expect } + $Options)
    }

    foreach ($service in 'auth0', 'scalekit') {
        $any = @{ service = $service; path = @{ auth0 = '/api/v2/'; scalekit = '/api/v1/' }[$service]; count = 2 }
        Case "429 with Retry-After ($service)" @(Rule $any @{ kind = 'status'; status = 429; retryAfter = '1' })
        Case "429 with only x-ratelimit-reset ($service)" @(Rule $any @{ kind = 'status'; status = 429; rateLimitReset = '+1' })
    }
    Case 'sustained rate limit, 2 requests/s on both services' -Options @{ RateLimit = 2 }
    # A passing server fault: a read or a whole-value write is retried, a create is looked up before it
    # is sent again, and a whole-object write (the client's redirect URIs) is read and merged again.
    foreach ($status in 500, 502, 503, 504) {
        Case "$status on the first read (auth0)" @(Rule $auth0Read @{ kind = 'status'; status = $status })
        Case "$status on the first read (scalekit)" @(Rule $scalekitRead @{ kind = 'status'; status = $status })
        Case "$status on the create and the first PATCH (auth0)" @(
            Rule $auth0Create @{ kind = 'status'; status = $status }
            Rule $auth0Patch @{ kind = 'status'; status = $status })
        Case "$status on the organization and domain creates and the client PATCH (scalekit)" @(
            Rule $organizationCreate @{ kind = 'status'; status = $status }
            Rule $domainCreate @{ kind = 'status'; status = $status }
            Rule $clientPatch @{ kind = 'status'; status = $status })
    }
    # A connection's PATCHes: first the enabled clients (a delta, re-sent by the transport), then the
    # whole options, which the transport hands back: read again, merged again, written again.
    $connectionPatches = @{ service = 'auth0'; method = 'PATCH'; path = '/api/v2/connections/'; count = 2 }
    Case '429 with Retry-After on the enabled-clients and the whole-options PATCH (auth0)' @(Rule $connectionPatches @{ kind = 'status'; status = 429; retryAfter = '1' })
    Case '503 on the enabled-clients and the whole-options PATCH (auth0)' @(Rule $connectionPatches @{ kind = 'status'; status = 503 })
    Case 'answer lost after the enabled-clients and the whole-options PATCH were made (auth0)' @(Rule $connectionPatches @{ kind = 'after' })
    Case 'whole-options PATCH slow, 1.5 s (auth0)' @(Rule $connectionPatches @{ kind = 'delay'; delayMs = 1500 })
    $redirectPatches = @{ service = 'scalekit'; method = 'PATCH'; path = '/api/v1/clients/'; count = 2 }
    Case '429 with Retry-After on the redirect-URI PATCH, twice (scalekit)' @(Rule $redirectPatches @{ kind = 'status'; status = 429; retryAfter = '1' })
    Case '500 on the redirect-URI PATCH, twice (scalekit)' @(Rule $redirectPatches @{ kind = 'status'; status = 500 })
    Case 'answer lost after the redirect-URI PATCH was made (scalekit)' @(Rule $clientPatch @{ kind = 'after' })
    # A server asking for an hour is not waited for: the command stops at once and says when to run it again.
    Case '429 with Retry-After: 3600 (auth0)' @(Rule $auth0Read @{ kind = 'status'; status = 429; retryAfter = '3600' }) -Expect 'error Auth0RateLimited' -Options @{
        MessageLike = '*retry after 1 h (at *UTC)*'
    }
    Case 'both services answer at most 10 items a page' -Options @{ PageSize = 10 }
    Case 'tokens that live 5 s on both services' -Options @{ TokenLifetime = 5 }
    # The login probe's GETs go through the same transport: a 429 and then a 503 on Auth0's /authorize are retried.
    $authorize = @{ service = 'auth0'; method = 'GET'; path = '/authorize'; count = 1 }
    Case '429, then 503, on /authorize (the login probe)' @(
        Rule $authorize @{ kind = 'status'; status = 429; retryAfter = '1' }
        Rule $authorize @{ kind = 'status'; status = 503 })
    Case 'connection dropped before an answer, reads and creates' @(
        foreach ($selector in $auth0Read, $scalekitRead, $auth0Create, $organizationCreate, $domainCreate) { Rule $selector @{ kind = 'drop' } })
    Case 'connection dropped after the write was made (creates, PATCHes)' @(
        foreach ($selector in $auth0Create, $auth0Patch, $organizationCreate, $domainCreate, $clientPatch) { Rule $selector @{ kind = 'after' } })
    Case 'slow answer past the timeout (-TimeoutSec 1), reads and creates' @(
        foreach ($selector in $auth0Read, $scalekitRead, $auth0Create, $organizationCreate) { Rule $selector @{ kind = 'delay'; delayMs = 3000 } }) @{ TimeoutSec = 1 }
    Case 'malformed JSON body, reads and creates' @(
        foreach ($selector in $auth0Read, $scalekitRead, $auth0Create, $organizationCreate, $domainCreate) { Rule $selector @{ kind = 'malformed' } })
    Case 'tokens expire between every step' -Options @{ ExpireTokensBetweenSteps = $true }
    Case '401 on a token the module thinks is valid, reads and writes' @(
        foreach ($selector in $auth0Read, $scalekitRead, $auth0Create, $auth0Patch, $organizationCreate, $clientPatch) { Rule $selector @{ kind = 'status'; status = 401 } })
    Case '403 for a missing scope (update:connections)' -Options @{
        Scopes = @('read:connections', 'create:connections', 'delete:connections', 'read:connections_options', 'update:connections_options', 'read:clients', 'read:custom_domains')
    } -Expect 'error Auth0InsufficientScope'
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $outcomes = [System.Collections.Generic.List[pscustomobject]]::new()

    # ErrorIds that tell a user nothing: PowerShell's own, or the module's catch-all.
    $genericErrorIds = 'UnexpectedError', 'RuntimeException', 'ActionPreferenceStop', 'System.Management.Automation.RuntimeException'

    function Set-Fault([hashtable]$Case) {
        foreach ($rule in $Case.Faults) { $null = Add-SandboxFault $rule }
        foreach ($service in 'auth0', 'scalekit') {
            if ($Case.ContainsKey('RateLimit')) { Set-SandboxRateLimit $Case.RateLimit -Service $service }
            if ($Case.ContainsKey('PageSize')) { Set-SandboxShape -Service $service -PageSize $Case.PageSize }
            if ($Case.ContainsKey('TokenLifetime')) { Set-SandboxShape -Service $service -TokenLifetime $Case.TokenLifetime }
        }
    }

    function Clear-Fault {
        Clear-SandboxFault
        foreach ($service in 'auth0', 'scalekit') {
            Set-SandboxRateLimit 0 -Service $service
            Set-SandboxShape -Service $service -PageSize 0 -TokenLifetime 0
        }
    }

    # The workflow's parameters for a case: a scope-limited Auth0 client, a short timeout, tokens expired between steps.
    function Get-WorkflowParameter([hashtable]$Case) {
        $parameters = @{}
        if ($Case.ContainsKey('Scopes')) { $parameters.Auth0Credential = (New-SandboxAuth0Client -Name limited -Scope $Case.Scopes).Credential }
        if ($Case.ContainsKey('TimeoutSec')) { $parameters.TimeoutSec = $Case.TimeoutSec }
        if ($Case.ContainsKey('ExpireTokensBetweenSteps')) { $parameters.Between = { $null = Invoke-SandboxControl POST auth0/expire-tokens } }
        $parameters
    }
}

AfterAll {
    if ($outcomes.Count -gt 0) {
        $width = ($outcomes.Fault | Measure-Object -Property Length -Maximum).Maximum
        $lines = @("| fault$(' ' * ($width - 5)) | outcome |", "|$('-' * ($width + 2))|---------|")
        $lines += $outcomes | ForEach-Object { "| $($_.Fault.PadRight($width)) | $($_.Outcome) |" }
        $directory = Join-Path $RepoRoot 'output/TestResults'
        $null = New-Item -ItemType Directory -Path $directory -Force
        Set-Content -LiteralPath (Join-Path $directory 'faults.md') -Value $lines -Encoding utf8NoBOM
        Write-Host "`nThe composed workflow under faults ($($outcomes.Count) cases):"
        $lines | ForEach-Object { Write-Host $_ }
    }
    Stop-TestSandbox
}

Describe 'The composed workflow under faults' {
    It '<Name>' -ForEach $cases {
        $case = $_
        Reset-Sandbox
        $parameters = Get-WorkflowParameter $case
        Set-Fault $case
        $outcome = 'success'
        try {
            $checks = @(Invoke-ComposedWorkflow @parameters)
            $failed = @($checks | Where-Object Status -NE Pass)
            if ($failed) { $outcome = "check $(@($failed | ForEach-Object { $_.PSObject.Properties['Check']?.Value ?? 'Test-ScalekitAuth0Login' }) -join ', ') $($failed[0].Status)" }
        }
        catch {
            $errorId = Get-ErrorId $_
            $outcome = "error $errorId"
            # A clear error: the module's own, specific id, the right category, and a message saying what failed.
            $errorId | Should -Not -BeIn $genericErrorIds
            $errorId | Should -MatchExactly '^[A-Z][A-Za-z0-9]+$'
            $_.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
            $_.Exception.Message | Should -Not -BeNullOrEmpty
            if ($case.MessageLike) { "$($_.Exception.Message) $($_.ErrorDetails.RecommendedAction)" | Should -BeLike $case.MessageLike }
        }
        finally {
            Clear-Fault
        }
        $firstOutcome = $outcome
        try {
            if ($outcome -ne 'success') {
                # The tenant must be where a plain re-run, with no fault, brings it to the right state.
                $null = Invoke-ComposedWorkflow
                $outcome += ', re-run repaired'
            }
            Assert-IntegrationConverged
            Get-ExecutedCreate | Where-Object Count -NE 1 | ForEach-Object { "$($_.Object) created $($_.Count) times ($($_.Statuses -join ', '))" } |
                Should -BeNullOrEmpty -Because 'no POST is sent again for a create that happened'
            $firstOutcome | Should -Be $Expect
        }
        catch {
            $outcome += " -- TEST FAILED: $($_.Exception.Message)"
            throw
        }
        finally {
            $outcomes.Add([pscustomobject]@{ Fault = $Name; Outcome = $outcome })
        }
    }
}
