<#
.SYNOPSIS
    Writes the module's MAML help (en-US/ScalekitAuth0.dll-help.xml) from the cmdlets themselves.
.DESCRIPTION
    platyPS is not available here, and hand-written MAML drifts from the code. So the help has one
    source, kept next to each cmdlet: [CmdletHelp] (synopsis, description), [CmdletExample] (code,
    remarks) and each [Parameter]'s HelpMessage. Everything else (syntax per parameter set,
    positions, mandatory, pipeline input, wildcards, types, defaults, outputs) is read from the
    command metadata PowerShell itself builds, so the help cannot disagree with what binds.

    build.ps1 runs this in a child pwsh, so the built dll never loads into the build process.
#>
[CmdletBinding()]
param(
    # The built manifest, output/ScalekitAuth0/<version>/ScalekitAuth0.psd1.
    [Parameter(Mandatory)][string]$ManifestPath,
    # Where to write the MAML file.
    [Parameter(Mandatory)][string]$OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# A full path, so that a relative one is not taken for a module name.
$module = Import-Module -Name ([IO.Path]::GetFullPath($ManifestPath)) -PassThru
$helpAttribute = $module.ImplementingAssembly.GetType('ScalekitAuth0.Help.CmdletHelpAttribute', $true)
$exampleAttribute = $module.ImplementingAssembly.GetType('ScalekitAuth0.Help.CmdletExampleAttribute', $true)

# WhatIf and Confirm are documented like the cmdlet's own parameters (as platyPS does), because
# they matter to every command that writes; the other common parameters Get-Help adds by itself.
$shouldProcessHelp = @{
    WhatIf  = 'Shows what the command would change without changing it: no write request is sent (reads that compute the change still happen).'
    Confirm = 'Asks for confirmation before each change. Remove commands ask by default; pass -Confirm:$false in scripts and runbooks.'
}
$skipped = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Element([System.Xml.XmlWriter]$Writer, [string]$Prefix, [string]$Name, [string]$Text) {
    $Writer.WriteElementString($Prefix, $Name, $ns[$Prefix], $Text)
}

# Text becomes one maml:para per line, so multi-line remarks and descriptions keep their breaks.
function Write-Description([System.Xml.XmlWriter]$Writer, [string]$Prefix, [string]$Name, [string]$Text) {
    $Writer.WriteStartElement($Prefix, $Name, $ns[$Prefix])
    foreach ($line in ($Text -split "`r?`n")) { Write-Element $Writer maml para $line }
    $Writer.WriteEndElement()
}

function Write-TypeElement([System.Xml.XmlWriter]$Writer, [string]$TypeName, [string]$Description) {
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $Writer maml name $TypeName
    $Writer.WriteEndElement()
    Write-Description $Writer maml description $Description
}

function Get-ShortTypeName([type]$Type) {
    $element = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
    $element = [Nullable]::GetUnderlyingType($element) ?? $element
    $element.Name + $(if ($Type.IsArray) { '[]' } else { '' })
}

function Get-PipelineInput($Parameters) {
    $kinds = @(
        if ($Parameters.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' }
        if ($Parameters.ValueFromPipeline -contains $true) { 'ByValue' }
    )
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

# What a new instance of the cmdlet holds in the property: the default when the parameter is left out.
function Get-DefaultValue([object]$Instance, [string]$Name) {
    $property = $Instance.GetType().GetProperty($Name)
    $value = if ($property) { $property.GetValue($Instance) }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return [string]$value.IsPresent }
    if ($null -eq $value -or ($value -is [array] -and $value.Count -eq 0) -or "$value" -eq '') { return 'None' }
    ($value | ForEach-Object { "$_" }) -join ', '
}

# One parameter as it appears in one syntax item ($Sets holds just that set's entry) or in the
# PARAMETERS section ($Sets holds every set's entry for it).
function Write-Parameter([System.Xml.XmlWriter]$Writer, $Sets, [object]$Instance) {
    $first = $Sets[0]
    $type = $first.ParameterType
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    $positions = @($Sets.Position | Where-Object { $_ -ge 0 })
    $helpMessage = $shouldProcessHelp[$first.Name] ?? $first.HelpMessage
    $globbing = [bool]($first.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', ([string](-not ($Sets.IsMandatory -contains $false))).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ([string]$type.IsArray).ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', ([string]$globbing).ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Sets))
    $Writer.WriteAttributeString('position', $(if ($positions.Count) { [string]$positions[0] } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($first.Aliases.Count) { $first.Aliases -join ', ' } else { 'none' }))
    Write-Element $Writer maml name $first.Name
    Write-Description $Writer maml description $helpMessage
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', ([string]$type.IsArray).ToLowerInvariant())
        $Writer.WriteString((Get-ShortTypeName $type))
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $Writer maml name $type.FullName
    $Writer.WriteEndElement()
    Write-Element $Writer dev defaultValue (Get-DefaultValue $Instance $first.Name)
    $Writer.WriteEndElement()
}

function Get-DocumentedParameter($ParameterSet) {
    $parameters = $ParameterSet.Parameters | Where-Object { $_.Name -notin $skipped -or $shouldProcessHelp.ContainsKey($_.Name) }
    # Positional first in position order, then mandatory, then the rest; WhatIf and Confirm last, as Get-Command shows them.
    $parameters | Sort-Object -Stable -Property `
        @{ Expression = { $shouldProcessHelp.ContainsKey($_.Name) } },
        @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } },
        @{ Expression = { -not $_.IsMandatory } }
}

function Write-Syntax([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command, [object]$Instance) {
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Command.ParameterSets | Sort-Object -Stable -Property { -not $_.IsDefault }) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        Write-Element $Writer maml name $Command.Name
        foreach ($parameter in Get-DocumentedParameter $set) { Write-Parameter $Writer @($parameter) $Instance }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-ParameterSection([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command, [object]$Instance) {
    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    $entries = $Command.ParameterSets | ForEach-Object { Get-DocumentedParameter $_ }
    foreach ($group in $entries | Group-Object -Property Name) {
        Write-Parameter $Writer @($group.Group) $Instance
    }
    $Writer.WriteEndElement()
}

function Write-InputType([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command) {
    $Writer.WriteStartElement('command', 'inputTypes', $ns.command)
    $all = $Command.ParameterSets.Parameters | Where-Object Name -NotIn $skipped
    $byValue = $all | Where-Object ValueFromPipeline | Group-Object -Property { $_.ParameterType.FullName }
    $byName = @($all | Where-Object ValueFromPipelineByPropertyName | ForEach-Object Name | Select-Object -Unique)
    foreach ($group in $byValue) {
        $names = ($group.Group.Name | Select-Object -Unique | ForEach-Object { "-$_" }) -join ', '
        Write-InputTypeItem $Writer $group.Name "Binds to $names."
    }
    if ($byName) {
        $names = ($byName | ForEach-Object { "-$_" }) -join ', '
        Write-InputTypeItem $Writer 'System.Management.Automation.PSObject' "Piped objects bind by property name to $names."
    }
    if (-not $byValue -and -not $byName) {
        Write-InputTypeItem $Writer 'None' 'Takes no pipeline input.'
    }
    $Writer.WriteEndElement()
}

function Write-InputTypeItem([System.Xml.XmlWriter]$Writer, [string]$TypeName, [string]$Description) {
    $Writer.WriteStartElement('command', 'inputType', $ns.command)
    Write-TypeElement $Writer $TypeName $Description
    $Writer.WriteEndElement()
}

function Write-ReturnValue([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command) {
    $Writer.WriteStartElement('command', 'returnValues', $ns.command)
    $types = @($Command.OutputType.Type | Where-Object { $_ -and $_ -ne [void] })
    if (-not $types) { $types = @($null) }
    foreach ($type in $types) {
        $Writer.WriteStartElement('command', 'returnValue', $ns.command)
        if ($type) { Write-TypeElement $Writer $type.FullName '' }
        else { Write-TypeElement $Writer 'None' 'Writes nothing to the pipeline.' }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Example([System.Xml.XmlWriter]$Writer, [type]$Type) {
    $Writer.WriteStartElement('command', 'examples', $ns.command)
    $number = 0
    foreach ($example in $Type.GetCustomAttributes($exampleAttribute, $false)) {
        $number++
        $Writer.WriteStartElement('command', 'example', $ns.command)
        Write-Element $Writer maml title "-------------------------- Example $number --------------------------"
        Write-Element $Writer dev code $example.Code
        # The empty last line keeps a blank line between one example's remarks and the next title.
        Write-Description $Writer dev remarks "$($example.Remarks)`n"
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command) {
    $type = $Command.ImplementingType
    $help = $type.GetCustomAttributes($helpAttribute, $false) | Select-Object -First 1
    if (-not $help) { throw "$($Command.Name) ($($type.FullName)) has no [CmdletHelp]: every cmdlet documents itself." }
    $instance = [Activator]::CreateInstance($type)

    $Writer.WriteStartElement('command', 'command', $ns.command)
    $Writer.WriteStartElement('command', 'details', $ns.command)
    Write-Element $Writer command name $Command.Name
    Write-Element $Writer command verb $Command.Verb
    Write-Element $Writer command noun $Command.Noun
    Write-Description $Writer maml description $help.Synopsis
    $Writer.WriteEndElement()
    Write-Description $Writer maml description $help.Description
    Write-Syntax $Writer $Command $instance
    Write-ParameterSection $Writer $Command $instance
    Write-InputType $Writer $Command
    Write-ReturnValue $Writer $Command
    Write-Example $Writer $type
    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
    Write-Element $Writer maml linkText 'about_ScalekitAuth0'
    Write-Element $Writer maml uri ''
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

$commands = Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object -Property Noun, Verb
New-Item -ItemType Directory -Path (Split-Path -Parent $OutputPath) -Force | Out-Null
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($prefix in $ns.Keys) { $writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }
    foreach ($command in $commands) { Write-Command $writer $command }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Host "Help: $($commands.Count) cmdlets in $OutputPath"
