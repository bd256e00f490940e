<#
    The one place Pester tests (and build.ps1 Demo) start, drive and stop the sandbox.
    Contract: src/ScalekitAuth0.Sandbox/README.md. The sandbox runs from the build output
    (`dotnet output/sandbox/ScalekitAuth0.Sandbox.dll`), so build first: `dotnet pwsh ./build.ps1 Build`.

    Start-TestSandbox remembers the sandbox it started; the other commands talk to that one unless
    given -Sandbox. The control endpoints answer on both ports; these use the Auth0 one.
#>
Set-StrictMode -Version 3.0

$script:SandboxDll = Join-Path $PSScriptRoot '../../output/sandbox/ScalekitAuth0.Sandbox.dll'
$script:Current = $null

# The PowerShell running this script, as the command line that starts another: under `dotnet pwsh`
# the process is dotnet hosting pwsh.dll.
# The manifest of the module as `dotnet pwsh ./build.ps1 Build` writes it (output/ScalekitAuth0/<version>/),
# at the version of Directory.Build.props; an error saying to build when it is not there.
function Get-BuiltModuleManifest {
    $root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
    $version = ([xml](Get-Content -Raw -LiteralPath (Join-Path $root 'Directory.Build.props'))).
        SelectSingleNode('/Project/PropertyGroup/ModuleVersion').InnerText.Trim()
    $manifest = Join-Path $root "output/ScalekitAuth0/$version/ScalekitAuth0.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built ($manifest is missing). Run 'dotnet pwsh ./build.ps1 Build' first."
    }
    $manifest
}

function Get-ChildPowerShell {
    [OutputType([string[]])]
    param()
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -like 'dotnet*') { @($processPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @($processPath) }
}

# A SecureString from a test-only value (sandbox secrets, fake credentials). Never for real secrets.
function ConvertTo-TestSecureString {
    [CmdletBinding()]
    [OutputType([securestring])]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)][string]$Value)
    process { [System.Net.NetworkCredential]::new('', $Value).SecurePassword }
}

function New-TestCredential([string]$UserName, [string]$Secret) {
    [pscredential]::new($UserName, (ConvertTo-TestSecureString $Secret))
}

function Start-TestSandbox {
    [CmdletBinding()]
    param(
        # Turns on the Auth0 token bucket: this many requests per second, burst the same.
        [ValidateRange(1, 100000)][int]$RateLimit,
        # How long to wait for the sandbox's JSON line.
        [ValidateRange(1, 600)][int]$TimeoutSeconds = 60
    )
    $dll = [IO.Path]::GetFullPath($script:SandboxDll)
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "The sandbox is not built ($dll is missing). Run 'dotnet pwsh ./build.ps1 Build' first."
    }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $startInfo.ArgumentList.Add($dll)
    if ($PSBoundParameters.ContainsKey('RateLimit')) {
        $startInfo.ArgumentList.Add('--rate-limit')
        $startInfo.ArgumentList.Add([string]$RateLimit)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $info = Read-SandboxInfo -Process $process -TimeoutSeconds $TimeoutSeconds
    }
    catch {
        Stop-SandboxProcess $process
        throw
    }
    # Keep draining standard output, so the sandbox never blocks on a full pipe when it logs.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([IO.Stream]::Null)

    # The sandbox's own fields (Auth0Url, Auth0ClientId, ... : property names are case-insensitive),
    # plus credentials for Connect-Auth0/Connect-Scalekit -Credential and the process.
    $script:Current = $info | Add-Member -PassThru -NotePropertyMembers ([ordered]@{
            Auth0Credential    = New-TestCredential $info.auth0ClientId $info.auth0ClientSecret
            ScalekitCredential = New-TestCredential $info.scalekitClientId $info.scalekitClientSecret
            Process            = $process
        })
    $script:Current
}

# Reads standard output up to the sandbox's JSON line, skipping anything else it prints first.
function Read-SandboxInfo([System.Diagnostics.Process]$Process, [int]$TimeoutSeconds) {
    $info = Read-ProcessOutput -Process $Process -TimeoutSeconds $TimeoutSeconds -Awaited "the sandbox's JSON line" -Until {
        param([string]$Line)
        $parsed = if ($Line.TrimStart().StartsWith('{')) { try { $Line | ConvertFrom-Json } catch { $null } }
        if ($parsed -and $parsed.PSObject.Properties['auth0Url']) { $parsed }
    }
    foreach ($name in 'scalekitUrl', 'auth0ClientId', 'auth0ClientSecret', 'scalekitClientId', 'scalekitClientSecret') {
        if (-not $info.PSObject.Properties[$name]) { throw "The sandbox's JSON line has no '$name': $($info | ConvertTo-Json -Compress)" }
    }
    $info
}

# Reads a child's standard output a line at a time until -Until returns something for a line, and
# returns that. Throws, with what was printed, when the time is up or the process ends first; -Awaited
# names what is waited for, in those messages.
function Read-ProcessOutput {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][System.Diagnostics.Process]$Process,
        [Parameter(Mandatory)][scriptblock]$Until,
        [Parameter(Mandatory)][string]$Awaited,
        [ValidateRange(1, 600)][int]$TimeoutSeconds = 60
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $seen = [System.Collections.Generic.List[string]]::new()
    while ($true) {
        $read = $Process.StandardOutput.ReadLineAsync()
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
            throw "No $Awaited within $TimeoutSeconds s. It printed:`n$($seen -join "`n")"
        }
        $line = $read.Result
        if ($null -eq $line) {
            $Process.WaitForExit()
            throw "The process exited with code $($Process.ExitCode) before printing $Awaited. It printed:`n$($seen -join "`n")"
        }
        $found = & $Until $line
        if ($null -ne $found) { return $found }
        $seen.Add($line)
    }
}

# The conventional environment variables (AUTH0_DOMAIN, ..., SCALEKIT_CLIENT_SECRET) that point
# Connect-Auth0 and Connect-Scalekit at the sandbox, as a hashtable to set in a process or a child's.
function Get-SandboxEnvironment {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([psobject]$Sandbox)
    $target = $Sandbox ?? $script:Current
    if (-not $target) { throw 'No sandbox is running: call Start-TestSandbox first (or pass -Sandbox).' }
    @{
        AUTH0_DOMAIN             = $target.Auth0Url
        AUTH0_CLIENT_ID          = $target.Auth0ClientId
        AUTH0_CLIENT_SECRET      = $target.Auth0ClientSecret
        SCALEKIT_ENVIRONMENT_URL = $target.ScalekitUrl
        SCALEKIT_CLIENT_ID       = $target.ScalekitClientId
        SCALEKIT_CLIENT_SECRET   = $target.ScalekitClientSecret
    }
}

function Stop-TestSandbox {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)][psobject]$Sandbox)
    process {
        $target = $Sandbox ?? $script:Current
        if (-not $target) { return }
        Stop-SandboxProcess $target.Process
        if ([object]::ReferenceEquals($target, $script:Current)) { $script:Current = $null }
    }
}

# The sandbox stops when its standard input closes; if it does not within 10 s, it is killed.
# Not disposed, so stopping the same sandbox twice is harmless.
function Stop-SandboxProcess([System.Diagnostics.Process]$Process) {
    if ($Process.HasExited) { return }
    try { $Process.StandardInput.Close() } catch { Write-Verbose "Closing the sandbox's stdin: $_" }
    if (-not $Process.WaitForExit(10000)) {
        $Process.Kill($true)
        $Process.WaitForExit()
    }
}

# Any control endpoint: Invoke-SandboxControl POST faults -Body @{...}. Path is relative to /_sandbox/.
function Invoke-SandboxControl {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][ValidateSet('GET', 'POST', 'PUT', 'DELETE')][string]$Method,
        [Parameter(Mandatory, Position = 1)][string]$Path,
        [Parameter(Position = 2)][object]$Body,
        [psobject]$Sandbox
    )
    $target = $Sandbox ?? $script:Current
    if (-not $target) { throw 'No sandbox is running: call Start-TestSandbox first (or pass -Sandbox).' }
    $request = @{
        Method      = $Method
        Uri         = '{0}/_sandbox/{1}' -f $target.Auth0Url.TrimEnd('/'), $Path.TrimStart('/')
        ContentType = 'application/json'   # also without a body: never IRM's default form encoding
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
    }
    Invoke-RestMethod @request
}

# The request log, oldest first, optionally only one service's, one method's, or paths -like a pattern.
function Get-SandboxRequest {
    [CmdletBinding()]
    param(
        [ValidateSet('auth0', 'scalekit')][string]$Service,
        [string]$Method,
        [string]$Path,
        [psobject]$Sandbox
    )
    Invoke-SandboxControl GET requests -Sandbox $Sandbox | ForEach-Object { $_ } | Where-Object {
        $_ -and
        (-not $Service -or $_.service -eq $Service) -and
        (-not $Method -or $_.method -eq $Method) -and
        (-not $Path -or $_.path -like $Path)
    }
}

function Clear-SandboxRequest([psobject]$Sandbox) { $null = Invoke-SandboxControl DELETE requests -Sandbox $Sandbox }

# State back to the seeds; faults, rate limit, page-size caps, token lifetimes and request log cleared.
function Reset-Sandbox([psobject]$Sandbox) { $null = Invoke-SandboxControl POST reset -Sandbox $Sandbox }

# Add-SandboxFault @{ service = 'auth0'; method = 'POST'; path = '/api/v2/connections'; count = 1; kind = 'status'; status = 429; retryAfter = '1' }
# Returns the rule's id.
function Add-SandboxFault {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][hashtable]$Rule,
        [psobject]$Sandbox
    )
    (Invoke-SandboxControl POST faults $Rule -Sandbox $Sandbox).id
}

function Clear-SandboxFault([psobject]$Sandbox) { $null = Invoke-SandboxControl DELETE faults -Sandbox $Sandbox }

# -PerSecond 0 turns the limit off. -Burst defaults to -PerSecond.
function Set-SandboxRateLimit {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][ValidateRange(0, 100000)][int]$PerSecond,
        [ValidateRange(0, 100000)][int]$Burst,
        [ValidateSet('auth0', 'scalekit')][string]$Service = 'auth0',
        [psobject]$Sandbox
    )
    if (-not $PSBoundParameters.ContainsKey('Burst')) { $Burst = $PerSecond }
    $null = Invoke-SandboxControl PUT rate-limit @{ service = $Service; perSecond = $PerSecond; burst = $Burst } -Sandbox $Sandbox
}

# How a service answers, for tests of a stricter or shorter-lived deployment than the documented one:
# -PageSize, the most items a page whatever the client asks for (Scalekit's page_size, Auth0's take and
# per_page); -TokenLifetime, the seconds its next access tokens live. 0 restores the normal answer.
function Set-SandboxShape {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('auth0', 'scalekit')][string]$Service,
        [ValidateRange(0, 1000)][int]$PageSize,
        [ValidateRange(0, 86400)][int]$TokenLifetime,
        [psobject]$Sandbox
    )
    if ($PSBoundParameters.ContainsKey('PageSize')) { $null = Invoke-SandboxControl PUT page-size @{ service = $Service; max = $PageSize } -Sandbox $Sandbox }
    if ($PSBoundParameters.ContainsKey('TokenLifetime')) { $null = Invoke-SandboxControl PUT token-lifetime @{ service = $Service; seconds = $TokenLifetime } -Sandbox $Sandbox }
}

# An Auth0 connection stored exactly as given, without the checks of a create: one another tool or an
# older API version left malformed. Returns its id.
function Add-SandboxUncheckedConnection {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][hashtable]$Connection,
        [psobject]$Sandbox
    )
    (Invoke-SandboxControl POST auth0/connections $Connection -Sandbox $Sandbox).id
}

# An Auth0 machine-to-machine client granted only -Scope. Returns ClientId, ClientSecret (SecureString)
# and Credential (for Connect-Auth0 -Credential).
function New-SandboxAuth0Client {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Name,
        [Parameter(Mandatory)][AllowEmptyCollection()][string[]]$Scope,
        [psobject]$Sandbox
    )
    $client = Invoke-SandboxControl POST auth0/clients @{ name = $Name; scopes = @($Scope) } -Sandbox $Sandbox
    [pscustomobject]@{
        ClientId     = $client.client_id
        ClientSecret = ConvertTo-TestSecureString $client.client_secret
        Credential   = New-TestCredential $client.client_id $client.client_secret
    }
}

function Add-SandboxCustomDomain {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Domain,
        [ValidateSet('ready', 'pending_verification', 'failed')][string]$Status = 'ready',
        [psobject]$Sandbox
    )
    $null = Invoke-SandboxControl POST auth0/custom-domains @{ domain = $Domain; status = $Status } -Sandbox $Sandbox
}

<#
    What the customer's IT admin does in Scalekit's Admin Portal: gives the organization (by -OrganizationId
    or -ExternalId) an SSO connection, active unless -Status is not COMPLETED or -Disabled. -IfMissing adds
    one only when the organization has no active connection yet, so a re-run adds no second one.
#>
function Add-SandboxSsoConnection {
    [CmdletBinding(DefaultParameterSetName = 'ExternalId')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'ExternalId', Position = 0)][string]$ExternalId,
        [Parameter(Mandatory, ParameterSetName = 'Id')][string]$OrganizationId,
        [ValidateSet('OIDC', 'SAML')][string]$Type = 'OIDC',
        [ValidateSet('DRAFT', 'IN_PROGRESS', 'COMPLETED')][string]$Status = 'COMPLETED',
        [switch]$Disabled,
        [switch]$IfMissing,
        [psobject]$Sandbox
    )
    # Through the control endpoint only: never rate-limited or faulted, so it works under any fault a test sets.
    $request = @{ type = $Type; status = $Status; enabled = -not $Disabled; ifMissing = [bool]$IfMissing }
    if ($OrganizationId) { $request.organizationId = $OrganizationId } else { $request.externalId = $ExternalId }
    Invoke-SandboxControl POST scalekit/sso-connections $request -Sandbox $Sandbox
}

# Reads the sandbox's Auth0 API directly, with the seeded full-scope client: what the tenant really
# holds, secrets included, independent of the module under test.
function Invoke-SandboxAuth0Api {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Path,
        [ValidateSet('GET', 'POST', 'PATCH', 'DELETE')][string]$Method = 'GET',
        [object]$Body,
        [psobject]$Sandbox
    )
    $target = Get-CurrentSandbox $Sandbox
    $base = $target.Auth0Url.TrimEnd('/')
    Invoke-SandboxApi $base @{ client_id = $target.Auth0ClientId; client_secret = $target.Auth0ClientSecret; audience = "$base/api/v2/" } $Path $Method $PSBoundParameters
}

# The same for the sandbox's Scalekit API with the seeded environment client: to set up organizations
# and domains, or read them, without going through the module under test.
function Invoke-SandboxScalekitApi {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Path,
        [ValidateSet('GET', 'POST', 'PATCH', 'PUT', 'DELETE')][string]$Method = 'GET',
        [object]$Body,
        [psobject]$Sandbox
    )
    $target = Get-CurrentSandbox $Sandbox
    $base = $target.ScalekitUrl.TrimEnd('/')
    Invoke-SandboxApi $base @{ client_id = $target.ScalekitClientId; client_secret = $target.ScalekitClientSecret } $Path $Method $PSBoundParameters
}

function Get-CurrentSandbox([psobject]$Sandbox) {
    $target = $Sandbox ?? $script:Current
    if (-not $target) { throw 'No sandbox is running: call Start-TestSandbox first (or pass -Sandbox).' }
    $target
}

# A client-credentials token from $Base/oauth/token, then the call; a JSON body when the caller bound -Body.
function Invoke-SandboxApi([string]$Base, [hashtable]$Client, [string]$Path, [string]$Method, [hashtable]$Bound) {
    $token = Invoke-RestMethod -Method POST -Uri "$Base/oauth/token" -Body (@{ grant_type = 'client_credentials' } + $Client)
    $request = @{
        Method  = $Method
        Uri     = '{0}/{1}' -f $Base, $Path.TrimStart('/')
        Headers = @{ Authorization = "Bearer $($token.access_token)" }
    }
    if ($Bound.ContainsKey('Body')) {
        $request.Body = ConvertTo-Json -InputObject $Bound.Body -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

Export-ModuleMember -Function @(
    'Get-BuiltModuleManifest',
    'ConvertTo-TestSecureString'
    'Start-TestSandbox'
    'Stop-TestSandbox'
    'Read-ProcessOutput'
    'Get-SandboxEnvironment'
    'Invoke-SandboxControl'
    'Get-SandboxRequest'
    'Clear-SandboxRequest'
    'Reset-Sandbox'
    'Add-SandboxFault'
    'Clear-SandboxFault'
    'Set-SandboxRateLimit'
    'Set-SandboxShape'
    'Add-SandboxUncheckedConnection'
    'New-SandboxAuth0Client'
    'Add-SandboxCustomDomain'
    'Add-SandboxSsoConnection'
    'Invoke-SandboxAuth0Api'
    'Invoke-SandboxScalekitApi'
    'Get-CurrentSandbox'
    'Get-ChildPowerShell'
)
