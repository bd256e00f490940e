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

    It 'fit a row in 120 columns, leaving the last column at least 20' {
        $views | Where-Object { ($_.Columns.Width | Measure-Object -Sum).Sum + $_.Columns.Count - 1 -gt 100 } |
            ForEach-Object TypeName | Should -BeNullOrEmpty
    }
}
