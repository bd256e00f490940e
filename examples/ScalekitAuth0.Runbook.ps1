<#
.SYNOPSIS
    Azure Automation runbook (PowerShell 7.x runtime): keeps Scalekit wired into Auth0, and fails
    the job when the integration is broken.
.DESCRIPTION
    Schedule it (hourly, say) after importing output/packages/ScalekitAuth0.zip into the Automation
    account for the same runtime. It converges, so every run is safe:

      1. New-ScalekitConnection    creates the Auth0 connection, or finds it already set up
      2. Sync-ScalekitRedirectUri  allows any new Auth0 callback URL (a new custom domain) in Scalekit
      3. Sync-HrdDomain            routes the domains of every Scalekit organization to the
                                   connection (with -Prune, also stops routing domains no
                                   organization owns any more)
      4. Set-Auth0LoginPrompt      Identifier First on, without which Auth0 routes nobody by domain
                                   (writes only when it is off)
      5. Test-ScalekitAuth0Integration, and a throw (a failed job) when any check fails; a customer
         whose IT admin has not yet set up SSO is a warning (OrganizationSso), not a failure

    Assets it reads (Automation account > Shared resources):

      credential 'Auth0'                   user name = the M2M application's client id, password = its secret
      credential 'Scalekit'                user name = the Scalekit API client id, password = its secret
      variable   'Auth0Domain'             e.g. example.us.auth0.com
      variable   'ScalekitEnvironmentUrl'  e.g. https://acme.scalekit.com

    PSCredential is not supported as a runbook parameter on the 7.x runtimes, so the secrets come
    from the credential assets, never from parameters. #Requires is not supported either, hence
    the explicit Import-Module.
#>
param(
    # The Auth0 connection's name.
    [string]$ConnectionName = 'scalekit',
    # Auth0 applications (names or client ids, comma-separated) whose users sign in through Scalekit.
    [string]$Application = 'My App',
    # Also stop routing domains that no Scalekit organization owns.
    [bool]$Prune = $false,
    # The module version imported into the Automation account: jobs share sandboxes, and a version
    # another job already loaded would otherwise be used.
    [string]$ModuleVersion = '0.1.0'
)

$ErrorActionPreference = 'Stop'
# Progress records are not shown in Automation and slow jobs down.
$ProgressPreference = 'SilentlyContinue'
# Uncomment for the HTTP trace (method, URL, status, duration; never a header or secret) in the job's verbose stream.
# $VerbosePreference = 'Continue'

Import-Module -Name ScalekitAuth0 -RequiredVersion $ModuleVersion

# Connections are kept per runspace, so jobs sharing a sandbox process never see each other's.
Connect-Auth0 -Domain (Get-AutomationVariable -Name 'Auth0Domain') -Credential (Get-AutomationPSCredential -Name 'Auth0')
Connect-Scalekit -EnvironmentUrl (Get-AutomationVariable -Name 'ScalekitEnvironmentUrl') -Credential (Get-AutomationPSCredential -Name 'Scalekit')

$applications = @($Application -split ',' | ForEach-Object Trim | Where-Object { $_ })
$sync = New-ScalekitConnection -Name $ConnectionName -EnabledClient $applications |
    Sync-ScalekitRedirectUri -PassThru |
    Sync-HrdDomain -Prune:$Prune -Confirm:$false
Write-Output ("HRD domains of '{0}': {1} added, {2} removed, {3} unchanged." -f $sync.ConnectionName, $sync.Added.Count, $sync.Removed.Count, $sync.Unchanged)
Set-Auth0LoginPrompt -IdentifierFirst

# The job log shows every check and, for a failed one, the command that fixes it; the job fails
# (a terminating error) when any check does. Warnings pass: logins work.
$checks = @(Test-ScalekitAuth0Integration -Name $ConnectionName)
Write-Output ($checks | Format-Table -Property Check, Status, Detail, Fix -AutoSize -Wrap | Out-String -Width 200)
$failed = @($checks | Where-Object Status -EQ 'Fail')
if ($failed) {
    throw "The Scalekit integration of Auth0 connection '$ConnectionName' failed $($failed.Count) check(s): $($failed.Check -join ', '). The job output says what to run for each."
}
