<#
.SYNOPSIS
    Onboards enterprise customers from a CSV file: a Scalekit organization each, and their email
    domains routed to the Auth0 connection. Safe to run again with the same or a longer file.
.DESCRIPTION
    The CSV has a header row and one row per email domain, with columns named like the parameters
    they bind to (see customers.csv next to this script), so it also pipes straight into the cmdlets:

        DisplayName    the customer's name, as Scalekit and its Admin Portal show it
                       (New-ScalekitOrganization -DisplayName)
        ExternalId     your own unique id for the customer: what makes a re-run find the
                       organization instead of creating a second one (New-ScalekitOrganization
                       -ExternalId; Add-HrdDomain takes it as -Organization)
        Domain         one of the customer's email domains (Add-HrdDomain -Domain)

    For each customer, New-ScalekitOrganization returns the organization with that external id, or
    creates it; its rows piped into Add-HrdDomain register the domains on it in Scalekit and route
    them to the connection in Auth0, sending only what is missing. A customer that fails is reported
    as an error naming its first line, and the others go on. -WhatIf shows what would change and
    changes nothing.

    Connect first (Connect-Auth0; Connect-Scalekit), and create the connection
    (New-ScalekitConnection, or Setup-ScalekitAuth0.ps1).
.EXAMPLE
    ./Import-Customers.ps1 -Path ./customers.csv -WhatIf
.EXAMPLE
    ./Import-Customers.ps1 -Path ./customers.csv | Format-Table
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The CSV file: DisplayName, ExternalId, Domain (one row per domain).
    [Parameter(Mandatory)][string]$Path,
    # The Auth0 connection whose Home Realm Discovery routes the domains.
    [string]$ConnectionName = 'scalekit'
)

# A bad row is reported as the caller asked (-ErrorAction); inside, any failure ends the row at once.
$rowErrorAction = $ErrorActionPreference
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$rows = @(Import-Csv -LiteralPath $Path)
$missing = 'DisplayName', 'ExternalId', 'Domain' | Where-Object { $rows -and $_ -notin $rows[0].PSObject.Properties.Name }
if ($missing) { throw "$Path has no column $($missing -join ', '); the header must be: DisplayName,ExternalId,Domain" }

# Each row's line in the file (the header is line 1), for the errors.
for ($i = 0; $i -lt $rows.Count; $i++) { $rows[$i] | Add-Member -NotePropertyName Line -NotePropertyValue ($i + 2) }

foreach ($customer in $rows | Group-Object -Property ExternalId) {
    $first = $customer.Group[0]
    try {
        $domains = @($customer.Group.Domain | Where-Object { $_ })
        if (-not $first.DisplayName -or -not $first.ExternalId -or -not $domains) {
            throw 'DisplayName, ExternalId and Domain must all be given.'
        }
        $organization = $first | New-ScalekitOrganization
        if (-not $organization) {
            # -WhatIf, and the customer is new: there is no organization to register the domains on
            # yet, so say what would happen to them instead of asking Add-HrdDomain.
            $null = $PSCmdlet.ShouldProcess("Auth0 connection '$ConnectionName'", "Route $($domains -join ', ') to Scalekit for the new organization '$($first.DisplayName)'")
            continue
        }
        # Each row binds its Domain to -Domain and its ExternalId to -Organization.
        $null = $customer.Group | Add-HrdDomain -ConnectionName $ConnectionName
        [pscustomobject]@{
            DisplayName    = $first.DisplayName
            ExternalId     = $first.ExternalId
            OrganizationId = $organization.Id
            Domains        = $domains -join ', '
        }
    }
    catch {
        # One bad customer must not stop the rest; the error says which line it starts on.
        Write-Error -Message "$Path line $($first.Line) ($($first.DisplayName)): $($_.Exception.Message)" -ErrorId 'CustomerNotImported' `
            -Category InvalidData -TargetObject $first -ErrorAction $rowErrorAction
    }
}
