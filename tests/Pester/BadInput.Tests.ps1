# The hostile inputs users really paste, given to every string (and SecureString, string-taking
# object, and hashtable) parameter of every cmdlet: each must stop the command with a specific error that names the
# parameter or the input, and send no write request. The parameters are found by reflection, so a new
# one that the corpus below does not cover fails the first test, naming it.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1

    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $textTypes = [string], [string[]], [object], [object[]], [securestring], [hashtable]
    $parameters = Get-Command -Module ScalekitAuth0 -CommandType Cmdlet | ForEach-Object {
        $command = $_
        $command.Parameters.Values | Where-Object { $_.Name -notin $common -and $_.ParameterType -in $textTypes } |
            ForEach-Object { "$($command.Name) -$($_.Name)" }
    }

    $inputs = [ordered]@{
        empty       = ''
        whitespace  = "  `t "
        long        = 'a' * 5000
        nul         = "acme`0.com"
        escape      = "`e[31m"
        url         = 'https://acme.com/login'
        email       = 'jane@acme.com'
        noAt        = 'jane.acme.com'
        twoAt       = 'jane@acme@acme.com'
        plainSecret = 'sks_pasted_in_plain_text_0123456789'
        userInfo    = 'http://skc_1:sks_pasted_as_user_info_0123456789@127.0.0.1:1'
        publicMail  = 'gmail.com'
        ipAddress   = '192.168.0.1'
        numericTld  = 'acme.123'
        # Metadata whose values are not one scalar each (Scalekit stores strings).
        nested      = @{ plan = @{ tier = 'gold' } }
        list        = @{ tags = @('a', 'b') }
        object      = @{ owner = [pscustomobject]@{ a = 1 } }
    }
    $text = 'empty', 'whitespace', 'long', 'nul', 'escape'
    $host_ = $text + 'url', 'email'
    # Domains that would send everyone to one connection: refused where a command starts routing a domain.
    $routed = $host_ + 'publicMail', 'ipAddress', 'numericTld'

    # 'Cmdlet -Parameter' = the inputs it gets, and the other arguments that make the call otherwise valid
    # (names of things the sandbox holds: connection scalekit, organization acme, application My App).
    $corpus = [ordered]@{
        'Add-HrdDomain -Domain'                        = @{ Inputs = $routed; With = @{ ConnectionName = 'scalekit' } }
        'Add-HrdDomain -ConnectionName'                = @{ Inputs = $text; With = @{ Domain = 'acme.com' } }
        'Add-HrdDomain -Organization'                  = @{ Inputs = $text; With = @{ ConnectionName = 'scalekit'; Domain = 'acme.com' } }
        'Connect-Auth0 -Domain'                        = @{ Inputs = $text + 'email', 'userInfo'; With = @{ Credential = '<Auth0Credential>' } }
        'Connect-Auth0 -ClientId'                      = @{ Inputs = $text; With = @{ Domain = '<Auth0Url>'; ClientSecret = '<Auth0Secret>' } }
        'Connect-Auth0 -ClientSecret'                  = @{ Inputs = @('plainSecret'); With = @{ Domain = '<Auth0Url>'; ClientId = 'x' } }
        'Connect-Auth0 -AccessToken'                   = @{ Inputs = @('plainSecret'); With = @{ Domain = '<Auth0Url>' } }
        'Connect-Scalekit -EnvironmentUrl'             = @{ Inputs = $text + 'email', 'userInfo'; With = @{ Credential = '<ScalekitCredential>' } }
        'Connect-Scalekit -ClientId'                   = @{ Inputs = $text; With = @{ EnvironmentUrl = '<ScalekitUrl>'; ClientSecret = '<ScalekitSecret>' } }
        'Connect-Scalekit -ClientSecret'               = @{ Inputs = @('plainSecret'); With = @{ EnvironmentUrl = '<ScalekitUrl>'; ClientId = 'x' } }
        'Disable-ScalekitConnection -Name'             = @{ Inputs = $text; With = @{ Application = 'My App'; Confirm = $false } }
        'Disable-ScalekitConnection -Id'               = @{ Inputs = $text; With = @{ Application = 'My App'; Confirm = $false } }
        'Disable-ScalekitConnection -Application'      = @{ Inputs = $text; With = @{ Name = 'scalekit'; Confirm = $false } }
        'Enable-ScalekitConnection -Name'              = @{ Inputs = $text; With = @{ Application = 'My App' } }
        'Enable-ScalekitConnection -Id'                = @{ Inputs = $text; With = @{ Application = 'My App' } }
        'Enable-ScalekitConnection -Application'       = @{ Inputs = $text; With = @{ Name = 'scalekit' } }
        'Get-HrdDomain -ConnectionName'                = @{ Inputs = $text; With = @{} }
        'Get-HrdDomain -Domain'                        = @{ Inputs = $host_; With = @{} }
        'Get-ScalekitConnection -Name'                 = @{ Inputs = $text; With = @{} }
        'Get-ScalekitConnection -Id'                   = @{ Inputs = $text; With = @{} }
        'Get-ScalekitOrganization -Id'                 = @{ Inputs = $text; With = @{} }
        'Get-ScalekitOrganization -ExternalId'         = @{ Inputs = $text; With = @{} }
        'Get-ScalekitRedirectUri -ClientId'            = @{ Inputs = $text; With = @{} }
        'Get-ScalekitSsoConnection -Organization'      = @{ Inputs = $text; With = @{} }
        'New-ScalekitConnection -Name'                 = @{ Inputs = $text; With = @{} }
        'New-ScalekitConnection -DisplayName'          = @{ Inputs = $text; With = @{ Name = 'scalekit2' } }
        'New-ScalekitConnection -Scope'                = @{ Inputs = $text; With = @{ Name = 'scalekit2' } }
        'New-ScalekitConnection -HrdDomain'            = @{ Inputs = $routed; With = @{ Name = 'scalekit2' } }
        'New-ScalekitConnection -EnabledClient'        = @{ Inputs = $text; With = @{ Name = 'scalekit2' } }
        'New-ScalekitOrganization -DisplayName'        = @{ Inputs = $text; With = @{ ExternalId = 'globex' } }
        'New-ScalekitOrganization -ExternalId'         = @{ Inputs = $text; With = @{ DisplayName = 'Globex' } }
        'New-ScalekitOrganization -Metadata'           = @{ Inputs = 'nested', 'list', 'object'; With = @{ DisplayName = 'Globex'; ExternalId = 'globex' } }
        'New-ScalekitPortalLink -Organization'         = @{ Inputs = $text; With = @{} }
        'New-ScalekitPortalLink -Feature'              = @{ Inputs = $text; With = @{ Organization = 'acme' } }
        'Remove-HrdDomain -Domain'                     = @{ Inputs = $host_; With = @{ ConnectionName = 'scalekit'; Confirm = $false } }
        'Remove-HrdDomain -ConnectionName'             = @{ Inputs = $text; With = @{ Domain = 'acme.com'; Confirm = $false } }
        'Remove-HrdDomain -Organization'               = @{ Inputs = $text; With = @{ ConnectionName = 'scalekit'; Domain = 'acme.com'; Confirm = $false } }
        'Remove-ScalekitConnection -Name'              = @{ Inputs = $text; With = @{ Confirm = $false } }
        'Remove-ScalekitConnection -Id'                = @{ Inputs = $text; With = @{ Confirm = $false } }
        'Remove-ScalekitOrganization -Organization'    = @{ Inputs = $text; With = @{ Confirm = $false } }
        'Remove-ScalekitRedirectUri -Uri'              = @{ Inputs = $text; With = @{ Confirm = $false } }
        'Set-ScalekitOrganization -Organization'       = @{ Inputs = $text; With = @{ DisplayName = 'Globex' } }
        'Set-ScalekitOrganization -DisplayName'        = @{ Inputs = $text; With = @{ Organization = 'acme' } }
        'Set-ScalekitOrganization -ExternalId'         = @{ Inputs = $text; With = @{ Organization = 'acme' } }
        'Set-ScalekitOrganization -Metadata'           = @{ Inputs = 'nested', 'list', 'object'; With = @{ Organization = 'acme' } }
        'Remove-ScalekitRedirectUri -ClientId'         = @{ Inputs = $text; With = @{ Uri = 'https://acme.com/login/callback'; Confirm = $false } }
        'Set-Auth0LoginPrompt -UniversalLoginExperience' = @{ Inputs = $text + 'url'; With = @{ IdentifierFirst = $true } }
        'Set-ScalekitConnection -Name'                 = @{ Inputs = $text; With = @{ DisplayName = 'SSO' } }
        'Set-ScalekitConnection -Id'                   = @{ Inputs = $text; With = @{ DisplayName = 'SSO' } }
        'Set-ScalekitConnection -DisplayName'          = @{ Inputs = $text; With = @{ Name = 'scalekit' } }
        'Set-ScalekitConnection -Scope'                = @{ Inputs = $text; With = @{ Name = 'scalekit' } }
        'Set-ScalekitConnection -ClientSecret'         = @{ Inputs = @('plainSecret'); With = @{ Name = 'scalekit' } }
        'Sync-HrdDomain -ConnectionName'               = @{ Inputs = $text; With = @{} }
        'Sync-ScalekitRedirectUri -ClientId'           = @{ Inputs = $text; With = @{} }
        'Sync-ScalekitRedirectUri -CallbackUrl'        = @{ Inputs = $text; With = @{} }
        'Test-ScalekitAuth0Integration -Name'          = @{ Inputs = $text; With = @{} }
        'Test-ScalekitAuth0Login -Email'               = @{ Inputs = $text + 'noAt', 'twoAt', 'url'; With = @{} }
        'Test-ScalekitAuth0Login -Domain'              = @{ Inputs = $host_ + 'twoAt'; With = @{} }
        'Test-ScalekitAuth0Login -Name'                = @{ Inputs = $text; With = @{ Email = 'alice@acme.com' } }
        'Test-ScalekitAuth0Login -Application'         = @{ Inputs = $text; With = @{ Email = 'alice@acme.com' } }
    }

    $uncovered = @($parameters | Where-Object { -not $corpus.Contains($_) })
    $cases = foreach ($entry in $corpus.GetEnumerator()) {
        $command, $parameter = $entry.Key -split ' -'
        foreach ($kind in $entry.Value.Inputs) {
            @{ Command = $command; Parameter = $parameter; Kind = $kind; Value = $inputs[$kind]; With = $entry.Value.With }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $sandbox = Start-TestSandbox
    $null = Invoke-ComposedWorkflow
    $tried = [System.Collections.Generic.List[string]]::new()

    # Placeholders in the corpus for values only known once the sandbox runs.
    function Resolve-Argument([hashtable]$With) {
        $resolved = @{}
        foreach ($name in $With.Keys) {
            $resolved[$name] = switch -CaseSensitive -Exact ($With[$name]) {
                '<Auth0Credential>' { $sandbox.Auth0Credential }
                '<ScalekitCredential>' { $sandbox.ScalekitCredential }
                '<Auth0Url>' { $sandbox.Auth0Url }
                '<ScalekitUrl>' { $sandbox.ScalekitUrl }
                '<Auth0Secret>' { ConvertTo-TestSecureString $sandbox.Auth0ClientSecret }
                '<ScalekitSecret>' { ConvertTo-TestSecureString $sandbox.ScalekitClientSecret }
                default { $_ }
            }
        }
        $resolved
    }

    # What a message may show of an input: the input itself, or its control characters as \uXXXX escapes.
    function Get-Shown([string]$Value) {
        $printable = -join ($Value.ToCharArray() | ForEach-Object { if ([char]::IsControl($_)) { '\u{0:x4}' -f [int]$_ } else { $_ } })
        $printable.Trim().Substring(0, [Math]::Min(20, $printable.Trim().Length))
    }
}

AfterAll {
    Write-Host "Bad-input corpus: $($tried.Count) hostile inputs tried on $(@($tried | ForEach-Object { $_ -replace ' \S+$' } | Select-Object -Unique).Count) parameters."
    Stop-TestSandbox
}

Describe 'The bad-input corpus' {
    It 'covers every string, SecureString and object parameter of every cmdlet' -ForEach @{ Uncovered = $uncovered } {
        $Uncovered | Should -BeNullOrEmpty -Because 'each such parameter needs an entry in the corpus of BadInput.Tests.ps1'
    }

    It '<Command> -<Parameter> refuses <Kind>' -ForEach $cases {
        Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -WarningAction SilentlyContinue
        Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential
        Clear-SandboxRequest
        $arguments = (Resolve-Argument $With) + @{ $Parameter = $Value }
        $tried.Add("$Command -$Parameter $Kind")

        $record = $null
        try {
            $null = & $Command @arguments -ErrorAction Stop
        }
        catch {
            $record = $_
        }

        $record | Should -Not -BeNullOrEmpty -Because "$Command -$Parameter must refuse $Kind input"
        $errorId = Get-ErrorId $record
        $errorId | Should -Not -BeIn 'UnexpectedError', 'RuntimeException', 'ActionPreferenceStop'
        $errorId | Should -Not -BeLike 'System.*'
        $message = "$($record.Exception.Message) $($record.ErrorDetails.Message)"
        $names = $message -match "\b$Parameter\b"
        $shows = $Value -is [string] -and $Value.Trim().Length -gt 0 -and $message.Contains((Get-Shown $Value))
        ($names -or $shows) | Should -BeTrue -Because "the message must name -$Parameter or the input: $message"
        if ($Kind -eq 'plainSecret') { $message | Should -Not -BeLike "*$Value*" -Because 'a secret is never echoed' }
        if ($Kind -eq 'userInfo') {
            "$message $($record.TargetObject)" | Should -Not -BeLike '*sks_pasted_as_user_info*' -Because 'user info in an address is never echoed'
        }
        Get-SandboxRequest | Where-Object { $_.method -ne 'GET' -and $_.path -ne '/oauth/token' } | ForEach-Object { "$($_.method) $($_.path)" } |
            Should -BeNullOrEmpty -Because 'a refused input writes nothing'
    }
}
