# The layout rules of docs/ARCHITECTURE.md that the compiler does not check, run as a test so that
# build.ps1 Test counts a broken rule as a failure. Reads the sources only; needs no build.
BeforeAll {
    $RepoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
    $check = Join-Path $RepoRoot 'tools/Test-Structure.ps1'

    # A project tree under TestDrive shaped like the repository, holding only the given files.
    function New-Tree([hashtable]$Files) {
        $root = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        foreach ($path in 'src/ScalekitAuth0', 'src/ScalekitAuth0.Sandbox', 'tests/ScalekitAuth0.Tests') {
            New-Item -ItemType Directory -Path (Join-Path $root $path) -Force | Out-Null
        }
        foreach ($path in $Files.Keys) {
            $full = Join-Path $root $path
            New-Item -ItemType Directory -Path (Split-Path $full) -Force | Out-Null
            Set-Content -LiteralPath $full -Value $Files[$path]
        }
        $root
    }

    function Invoke-Check([string]$Root) {
        $problems = @(& $check -Root $Root)
        [pscustomobject]@{ Problems = $problems; ExitCode = $LASTEXITCODE }
    }

    $cmdletFiles = @{
        'src/ScalekitAuth0/Commands/FirstCmdlet.cs'  = "namespace ScalekitAuth0.Commands { public abstract class FirstCmdlet : PSCmdlet { } }"
        'src/ScalekitAuth0/Commands/SecondCmdlet.cs' = "namespace ScalekitAuth0.Commands { public abstract class SecondCmdlet<T> : FirstCmdlet where T : class { } }"
        'src/ScalekitAuth0/Commands/TwoCommand.cs'   = "namespace ScalekitAuth0.Commands`n{`n    [Cmdlet(VerbsCommon.Get, `"Two`")]`n    [OutputType(typeof(string))]`n    public sealed class TwoCommand : SecondCmdlet<string> { }`n}"
    }
}

Describe 'The source layout' {
    It 'has every namespace equal to its folder, and no cmdlet with more than two of our bases' {
        $result = Invoke-Check $RepoRoot
        $result.Problems | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
    }
}

Describe 'tools/Test-Structure.ps1 itself' {
    It 'fails for a file whose namespace is not its folder, naming the file and the namespace its folder calls for' {
        $root = New-Tree @{
            'src/ScalekitAuth0/Hrd/DomainName.cs'          = 'namespace ScalekitAuth0.Auth0 { internal static class DomainName { } }'
            'src/ScalekitAuth0/Hrd/HrdDomainPlan.cs'       = "namespace ScalekitAuth0.Hrd;`ninternal sealed class HrdDomainPlan { }"
            'tests/ScalekitAuth0.Tests/Hrd/PlanTests.cs'   = 'namespace ScalekitAuth0.Tests.Clients { public class PlanTests { } }'
            'src/ScalekitAuth0.Sandbox/Program.cs'         = 'System.Console.WriteLine("top-level statements need no namespace");'
            'src/ScalekitAuth0.Sandbox/Infrastructure/Loose.cs' = 'public sealed class Loose { }'
        }

        $result = Invoke-Check $root

        $result.ExitCode | Should -Be 1
        $result.Problems | Should -HaveCount 3
        $result.Problems | Should -Contain 'src/ScalekitAuth0/Hrd/DomainName.cs: namespace ScalekitAuth0.Auth0, but its folder says ScalekitAuth0.Hrd'
        $result.Problems | Should -Contain 'tests/ScalekitAuth0.Tests/Hrd/PlanTests.cs: namespace ScalekitAuth0.Tests.Clients, but its folder says ScalekitAuth0.Tests.Hrd'
        $result.Problems | Should -Contain 'src/ScalekitAuth0.Sandbox/Infrastructure/Loose.cs: declares a type outside any namespace; its folder says ScalekitAuth0.Sandbox.Infrastructure'
    }

    It 'passes a cmdlet with two of our bases above it' {
        $result = Invoke-Check (New-Tree $cmdletFiles)

        $result.Problems | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
    }

    It 'fails for a cmdlet with three of our bases above it, naming them' {
        $files = $cmdletFiles.Clone()
        $files['src/ScalekitAuth0/Commands/ThirdCmdlet.cs'] = "namespace ScalekitAuth0.Commands { public abstract class ThirdCmdlet : SecondCmdlet<string> { } }"
        $files['src/ScalekitAuth0/Commands/ThreeCommand.cs'] = "namespace ScalekitAuth0.Commands { [Cmdlet(VerbsCommon.Get, `"Three`")] public sealed class ThreeCommand : ThirdCmdlet { } }"

        $result = Invoke-Check (New-Tree $files)

        $result.ExitCode | Should -Be 1
        $result.Problems | Should -HaveCount 1
        $result.Problems[0] | Should -BeLike 'ThreeCommand has 3 of our base classes above it (ThirdCmdlet -> SecondCmdlet -> FirstCmdlet)*'
    }
}
