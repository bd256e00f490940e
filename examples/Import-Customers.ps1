<#
.SYNOPSIS
    Onboards enterprise customers from a CSV file: a Scalekit organization each, and their email
    domains routed to the Auth0 connection. Safe to run again with the same or a longer file.
.DESCRIPTION
    The CSV has a header row and three columns (see customers.csv next to this script):

        Organization   the customer's name, as Scalekit and its Admin Portal show it
        ExternalId     your own unique id for the customer: what makes a re-run find the
                       organization instead of creating a second one
        Domains        the customer's email domains, separated by ';' (or spaces)

    For each row, New-ScalekitOrganization returns the organization with that external id, or
    creates it; Add-HrdDomain registers the domains on it in Scalekit and routes them to the
    connection in Auth0, sending only what is missing. A row that fails is reported as an error
    and the others go on. -WhatIf shows what would change and changes nothing.

    Connect first (Connect-Auth0; Connect-Scalekit), and create the connection
    (New-ScalekitConnection, or Setup-ScalekitAuth0.ps1).
.EXAMPLE
    ./Import-Customers.ps1 -Path ./customers.csv -WhatIf
.EXAMPLE
    ./Import-Customers.ps1 -Path ./customers.csv | Format-Table
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The CSV file: Organization, ExternalId, Domains.
    [Parameter(Mandatory)][string]$Path,
    # The Auth0 connection whose Home Realm Discovery routes the domains.
    [string]$ConnectionName = 'scalekit'
)

# A bad row is reported as the caller asked (-ErrorAction); inside, any failure ends the row at once.
$rowErrorAction = $ErrorActionPreference
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$rows = @(Import-Csv -LiteralPath $Path)
$missing = 'Organization', 'ExternalId', 'Domains' | Where-Object { $rows -and $_ -notin $rows[0].PSObject.Properties.Name }
if ($missing) { throw "$Path has no column $($missing -join ', '); the header must be: Organization,ExternalId,Domains" }

$line = 1   # the header
foreach ($row in $rows) {
    $line++
    try {
        $domains = @($row.Domains -split '[;\s]+' | Where-Object { $_ })
        if (-not $row.Organization -or -not $row.ExternalId -or -not $domains) {
            throw 'Organization, ExternalId and Domains must all be given.'
        }
        $organization = New-ScalekitOrganization -DisplayName $row.Organization -ExternalId $row.ExternalId
        if (-not $organization) {
            # -WhatIf, and the customer is new: there is no organization to register the domains on
            # yet, so say what would happen to them instead of asking Add-HrdDomain.
            $null = $PSCmdlet.ShouldProcess("Auth0 connection '$ConnectionName'", "Route $($domains -join ', ') to Scalekit for the new organization '$($row.Organization)'")
            continue
        }
        $null = Add-HrdDomain -ConnectionName $ConnectionName -Domain $domains -Organization $organization
        [pscustomobject]@{
            Organization   = $row.Organization
            ExternalId     = $row.ExternalId
            OrganizationId = $organization.Id
            Domains        = $domains -join ', '
        }
    }
    catch {
        # One bad row must not stop the rest; the error says which row it was.
        Write-Error -Message "$Path line $line ($($row.Organization)): $($_.Exception.Message)" -ErrorId 'CustomerNotImported' `
            -Category InvalidData -TargetObject $row -ErrorAction $rowErrorAction
    }
}
