# ScalekitAuth0.format.ps1xml: a table view for every type the cmdlets write, with columns that exist and
# no secret among them.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $assembly = (Get-Module ScalekitAuth0).ImplementingAssembly
    # The module's own types that some cmdlet declares it writes (strings and the like have PowerShell's views).
    $outputTypes = @(Get-Command -Module ScalekitAuth0 -CommandType Cmdlet |
            ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.Assembly -eq $assembly } |
            Sort-Object -Property FullName -Unique)

    $formatFile = [xml](Get-Content -Raw -LiteralPath (Join-Path (Split-Path -Parent $ModuleManifestPath) 'ScalekitAuth0.format.ps1xml'))
    # Each table view with its type and columns: label, width (0 = the rest of the line) and what it shows.
    $views = @($formatFile.Configuration.ViewDefinitions.View | Where-Object { $_['TableControl'] } | ForEach-Object {
            $headers = @($_.TableControl.TableHeaders.TableColumnHeader)
            $items = @($_.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            [pscustomobject]@{
                TypeName = $_.ViewSelectedBy.TypeName
                Columns  = @(for ($i = 0; $i -lt $headers.Count; $i++) {
                        [pscustomobject]@{
                            Label    = $headers[$i].Label
                            Width    = [int]($headers[$i]['Width']?.InnerText ?? 0)
                            Property = $items[$i]['PropertyName']?.InnerText
                            Script   = $items[$i]['ScriptBlock']?.InnerText
                        }
                    })
            }
        })
}

Describe 'Table views' {
    It 'exist for every module type a cmdlet declares in [OutputType]' {
        $outputTypes | Should -Not -BeNullOrEmpty
        $missing = $outputTypes | Where-Object {
            $data = Get-FormatData -TypeName $_.FullName
            -not ($data.FormatViewDefinition.Control | Where-Object { $_ -is [System.Management.Automation.TableControl] })
        }
        $missing.FullName | Should -BeNullOrEmpty
    }

    It 'have as many column items as headers' {
        $formatFile.Configuration.ViewDefinitions.View | Where-Object {
            @($_.TableControl.TableHeaders.TableColumnHeader).Count -ne @($_.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem).Count
        } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'show only properties their type has' {
        $unknown = foreach ($view in $views) {
            $type = $assembly.GetType($view.TypeName)
            $names = $view.Columns | ForEach-Object { $_.Property; [regex]::Matches("$($_.Script)", '\$_\.(\w+)').ForEach({ $_.Groups[1].Value }) }
            $names | Where-Object { $_ -and -not $type.GetProperty($_) } | ForEach-Object { "$($view.TypeName).$_" }
        }
        $unknown | Should -BeNullOrEmpty
    }

    It 'show no secret or token' {
        $views.Columns | Where-Object { "$($_.Label) $($_.Property) $($_.Script)" -match 'Secret|Password|AccessToken|\bToken\b' } |
            ForEach-Object Label | Should -BeNullOrEmpty
    }

    It 'fit every column in an 80-column console, leaving the last at least 5' {
        $views | Where-Object { ($_.Columns.Width | Measure-Object -Sum).Sum + $_.Columns.Count - 1 -gt 75 } |
            ForEach-Object TypeName | Should -BeNullOrEmpty
    }
}

Describe 'Tables of real output' {
    BeforeAll {
        $sandbox = Start-TestSandbox
        # One object of each output type, as the cmdlets write them.
        $samples = @(
            Connect-Auth0 -Domain $sandbox.Auth0Url -Credential $sandbox.Auth0Credential -PassThru
            Connect-Scalekit -EnvironmentUrl $sandbox.ScalekitUrl -Credential $sandbox.ScalekitCredential -PassThru
            New-ScalekitConnection -Name scalekit -HrdDomain acme.com -EnabledClient 'My App'
            Get-Auth0CallbackUrl
            Get-ScalekitConnection -Name scalekit | Sync-ScalekitRedirectUri
            ($acme = New-ScalekitOrganization -DisplayName Acme -ExternalId acme)
            Get-HrdDomain -ConnectionName scalekit
            Sync-HrdDomain -ConnectionName scalekit
            New-ScalekitPortalLink -Organization $acme -Feature sso
            Test-ScalekitAuth0Integration -Name scalekit | Select-Object -First 1
            Get-Auth0LoginPrompt
            (Add-SandboxSsoConnection -ExternalId acme) | Out-Null; Get-ScalekitSsoConnection -Organization $acme
            Test-ScalekitAuth0Login -Email alice@acme.com
        )
        # Each sample as its table in an 80-column console, with the labels its view should show.
        $tables = $samples | ForEach-Object {
            $view = $views | Where-Object TypeName -EQ $_.GetType().FullName
            [pscustomobject]@{
                TypeName = $_.GetType().FullName
                Labels   = $view.Columns.Label
                Text     = $_ | Format-Table | Out-String -Width 80
            }
        }
    }

    AfterAll {
        Stop-TestSandbox
    }

    It 'are rendered for every output type' {
        $outputTypes.FullName | Where-Object { $_ -notin $tables.TypeName } | Should -BeNullOrEmpty
    }

    It 'use the module''s view, every column on one line' {
        $tables | Where-Object {
            $header = ($_.Text -split "`r?`n" | Where-Object { $_.Trim() })[0]
            ($header -split '\s+' | Where-Object { $_ }) -join ' ' -ne ($_.Labels -join ' ')
        } | ForEach-Object TypeName | Should -BeNullOrEmpty
    }

    It 'never show a secret' {
        $secrets = $sandbox.Auth0ClientSecret, $sandbox.ScalekitClientSecret
        $tables | Where-Object { $text = $_.Text; $secrets | Where-Object { $text.Contains($_) } } | ForEach-Object TypeName | Should -BeNullOrEmpty
    }
}
