# `build.ps1 Sandbox` as the README's "Try it by hand" runs it: in the foreground, printing the lines
# to paste into a second session, until Ctrl+C. Ctrl+C is sent as SIGINT to the build's PowerShell
# alone, so that its own cleanup (not the sandbox's handler of a terminal's Ctrl+C) must stop the
# sandbox. Linux only: there is no way to send Ctrl+C to a single child process on Windows.
BeforeDiscovery {
    $notLinux = -not $IsLinux
}

BeforeAll {
    . $PSScriptRoot/Common.ps1

    # The PowerShell running this file, as a command line: under `dotnet pwsh` it is dotnet hosting pwsh.dll.
    $pwsh = if ((Split-Path -Leaf ([Environment]::ProcessPath)) -like 'dotnet*') {
        @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    else { @([Environment]::ProcessPath) }

    function Start-Child([string[]]$CommandLine) {
        $start = [System.Diagnostics.ProcessStartInfo]::new($CommandLine[0])
        foreach ($argument in $CommandLine | Select-Object -Skip 1) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $RepoRoot
        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($start)
    }

    # Lines of standard output up to and including the first matching $Pattern, within $TimeoutSeconds.
    function Read-LineUntil([System.Diagnostics.Process]$Process, [string]$Pattern, [int]$TimeoutSeconds) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        $lines = [System.Collections.Generic.List[string]]::new()
        while ($true) {
            $read = $Process.StandardOutput.ReadLineAsync()
            $remaining = $deadline - [DateTime]::UtcNow
            if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
                throw "No line matching '$Pattern' within $TimeoutSeconds s. Printed:`n$($lines -join "`n")"
            }
            if ($null -eq $read.Result) {
                throw "The process ended before printing a line matching '$Pattern'. Printed:`n$($lines -join "`n")`n$($Process.StandardError.ReadToEnd())"
            }
            $lines.Add($read.Result)
            if ($read.Result -match $Pattern) { return $lines.ToArray() }
        }
    }
}

Describe 'build.ps1 Sandbox' -Skip:$notLinux {
    BeforeAll {
        # The build is already done (Common.ps1 checked). A shell that started this run in the
        # background may have left SIGINT ignored, which children inherit: env puts it back.
        $build = Start-Child (@('env', '--default-signal=INT') + $pwsh + @('-NoProfile', '-File', (Join-Path $RepoRoot 'build.ps1'), 'Sandbox', '-NoBuild'))
        $printed = Read-LineUntil $build 'Press Ctrl\+C' -TimeoutSeconds 90
        $sessionLines = @($printed | Where-Object { $_ -match '^ {4}\S' } | ForEach-Object Trim)
        $banner = [regex]::Match(($printed -join "`n"), 'Sandbox \(process (\d+)\): Auth0 at (\S+),')
        $sandboxId = [int]$banner.Groups[1].Value
        $auth0Url = $banner.Groups[2].Value
    }

    AfterAll {
        if ($build -and -not $build.HasExited) { $build.Kill($true) }
        if ($sandboxId) { Get-Process -Id $sandboxId -ErrorAction Ignore | Stop-Process -Force }
    }

    It 'prints, as PowerShell lines, the six variables of a loopback sandbox, output/ on PSModulePath and the import' {
        $assigned = $sessionLines | ForEach-Object { if ($_ -match '^\$env:(\w+) = ') { $Matches[1] } }
        $assigned | Should -Be @('AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET', 'AUTH0_DOMAIN',
            'SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET', 'SCALEKIT_ENVIRONMENT_URL', 'PSModulePath')
        $sessionLines | Should -Contain "`$env:AUTH0_DOMAIN = '$auth0Url'"
        $sessionLines | Where-Object { $_ -match '^\$env:(AUTH0_DOMAIN|SCALEKIT_ENVIRONMENT_URL) = ' } |
            Should -Match "^\`$env:\w+ = 'http://127\.0\.0\.1:\d+'$"
        $sessionLines[-1] | Should -Be "Import-Module '$ModuleManifestPath'"
        $sandboxId | Should -BeGreaterThan 0
    }

    It 'lets another session, given those lines, run the setup example with the README''s one line' {
        $session = Start-Child ($pwsh + @('-NoProfile', '-NonInteractive', '-Command', (($sessionLines + './examples/Setup-ScalekitAuth0.ps1') -join "`n")))
        $output = $session.StandardOutput.ReadToEndAsync()
        $errors = $session.StandardError.ReadToEndAsync()
        $finished = $session.WaitForExit(120000)
        if (-not $finished) { $session.Kill($true) }

        $finished | Should -BeTrue -Because 'the example finishes within 2 minutes'
        $errors.Result | Should -BeNullOrEmpty
        $session.ExitCode | Should -Be 0
        $output.Result | Should -Match ([regex]::Escape("Auth0     $(([uri]$auth0Url).Authority) as ")) -Because "the example connected to this sandbox"
        $output.Result | Should -Match 'Done\. Users of My App'
    }

    It 'stops the sandbox and exits 0 on Ctrl+C' {
        & kill -INT $build.Id
        $rest = $build.StandardOutput.ReadToEndAsync()
        $exited = $build.WaitForExit(30000)

        $exited | Should -BeTrue -Because 'Ctrl+C ends the task within 30 s'
        $build.ExitCode | Should -Be 0
        $rest.Result | Should -Match 'Sandbox stopped\.'
        Get-Process -Id $sandboxId -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}
