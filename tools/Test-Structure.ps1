<#
.SYNOPSIS
    Checks the two layout rules of docs/ARCHITECTURE.md that a compiler does not: every C# file's
    namespace is its folder, and no cmdlet has more than two of the module's own base classes above it.
.DESCRIPTION
    Writes one line per problem, naming the file or cmdlet and what is expected, and exits 1 when
    there is any. build.ps1 Test runs it through tests/Pester/Structure.Tests.ps1, so a problem is a
    failed test. A file without a namespace is allowed only when it declares no type (the sandbox's
    Program.cs, top-level statements).
.PARAMETER Root
    The repository; another folder with the same project layout lets the check be tested on broken input.
#>
[CmdletBinding()]
param(
    [string]$Root = (Split-Path -Parent $PSScriptRoot),

    # Project folder (relative to Root) => its root namespace.
    [System.Collections.IDictionary]$Projects = [ordered]@{
        'src/ScalekitAuth0'         = 'ScalekitAuth0'
        'src/ScalekitAuth0.Sandbox' = 'ScalekitAuth0.Sandbox'
        'tests/ScalekitAuth0.Tests' = 'ScalekitAuth0.Tests'
    },

    # The project whose cmdlets are counted, and how many of its base classes a cmdlet may have above it.
    [string]$CmdletProject = 'src/ScalekitAuth0',
    [int]$MaxBases = 2
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Get-SourceFile([string]$Folder) {
    Get-ChildItem -LiteralPath $Folder -Recurse -File -Filter '*.cs' |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
}

function Get-NamespaceProblem([string]$Folder, [string]$RootNamespace) {
    foreach ($file in Get-SourceFile $Folder) {
        $relative = [IO.Path]::GetRelativePath($Root, $file.FullName).Replace('\', '/')
        $subfolder = [IO.Path]::GetRelativePath($Folder, $file.DirectoryName).Replace('\', '/')
        $expected = if ($subfolder -eq '.') { $RootNamespace } else { "$RootNamespace.$($subfolder.Replace('/', '.'))" }
        $text = Get-Content -Raw -LiteralPath $file.FullName
        $declared = [regex]::Match($text, '(?m)^\s*namespace\s+([\w.]+)')
        if ($declared.Success) {
            if ($declared.Groups[1].Value -cne $expected) {
                "${relative}: namespace $($declared.Groups[1].Value), but its folder says $expected"
            }
        }
        elseif ($text -match '(?m)^\s*(public|internal)?\s*(sealed |static |abstract |partial )*(class|record|struct|interface|enum)\s+\w') {
            "${relative}: declares a type outside any namespace; its folder says $expected"
        }
    }
}

function Get-CmdletBaseProblem([string]$Folder) {
    $baseOf = @{}
    $cmdlets = [System.Collections.Generic.List[string]]::new()
    foreach ($file in Get-SourceFile $Folder) {
        $text = Get-Content -Raw -LiteralPath $file.FullName
        # A class and the first type it derives from; generic arguments and primary constructors are skipped.
        foreach ($match in [regex]::Matches($text, '\bclass\s+(\w+)(?:<[^>{]*>)?(?:\s*\([^)]*\))?\s*:\s*([\w.]+)')) {
            $baseOf[$match.Groups[1].Value] = $match.Groups[2].Value.Split('.')[-1]
        }
        foreach ($match in [regex]::Matches($text, '\[Cmdlet\([^\]]*\][\s\S]*?\bclass\s+(\w+)')) {
            $cmdlets.Add($match.Groups[1].Value)
        }
    }
    foreach ($cmdlet in $cmdlets) {
        $chain = [System.Collections.Generic.List[string]]::new()
        $current = $cmdlet
        # Our classes are the ones declared in the project; PSCmdlet and Cmdlet are not.
        while ($baseOf.ContainsKey($current) -and $baseOf.ContainsKey($baseOf[$current]) -and $chain.Count -le $baseOf.Count) {
            $current = $baseOf[$current]
            $chain.Add($current)
        }
        if ($chain.Count -gt $MaxBases) {
            "$cmdlet has $($chain.Count) of our base classes above it ($($chain -join ' -> ')); at most $MaxBases, each adding one concern: give it the rest as a helper object"
        }
    }
}

$problems = @(
    foreach ($project in $Projects.Keys) {
        Get-NamespaceProblem -Folder (Join-Path $Root $project) -RootNamespace $Projects[$project]
    }
    Get-CmdletBaseProblem -Folder (Join-Path $Root $CmdletProject)
)
$problems
exit ([int]($problems.Count -gt 0))
