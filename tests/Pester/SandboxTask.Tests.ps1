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
        # As a new terminal: nothing of a connection another test may have left in this process.
        foreach ($name in @($start.Environment.Keys) -match '^(AUTH0|SCALEKIT)_') { $null = $start.Environment.Remove($name) }
        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($start)
    }
}

Describe 'build.ps1 Sandbox' -Skip:$notLinux {
    BeforeAll {
        # The build is already done (Common.ps1 checked). A shell that started this run in the
        # background may have left SIGINT ignored, which children inherit: env puts it back.
        $build = Start-Child (@('env', '--default-signal=INT') + $pwsh + @('-NoProfile', '-File', (Join-Path $RepoRoot 'build.ps1'), 'Sandbox', '-NoBuild'))
        $printed = [System.Collections.Generic.List[string]]::new()
        $null = Read-ProcessOutput -Process $build -TimeoutSeconds 90 -Awaited "build.ps1's 'Press Ctrl+C'" -Until {
            param([string]$Line)
            $printed.Add($Line)
            if ($Line -match 'Press Ctrl\+C') { $true }
        }
        $sessionLines = @($printed | Where-Object { $_ -match '^ {4}\S' } | ForEach-Object Trim)
        $banner = [regex]::Match(($printed -join "`n"), 'Sandbox \(process (\d+)\): Auth0 at (\S+),')
        $sandboxId = [int]$banner.Groups[1].Value
        $auth0Url = $banner.Groups[2].Value
    }

    AfterAll {
        # The whole tree, the sandbox with it, if a failed test left the task running.
        if ($build -and -not $build.HasExited) { $build.Kill($true) }
    }

    It 'prints, as PowerShell lines, the six variables of a loopback sandbox, output/ on PSModulePath and the import' {
        $assigned = $sessionLines | ForEach-Object { if ($_ -match '^\$env:(\w+) = ') { $Matches[1] } }
        $assigned | Should -Be @('AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET', 'AUTH0_DOMAIN',
            'SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET', 'SCALEKIT_ENVIRONMENT_URL', 'PSModulePath')
        $sessionLines | Should -Contain "`$env:AUTH0_DOMAIN = '$auth0Url'"
        $urls = @($sessionLines | Where-Object { $_ -match '^\$env:(AUTH0_DOMAIN|SCALEKIT_ENVIRONMENT_URL) = ' })
        $urls | Should -HaveCount 2
        foreach ($url in $urls) { $url | Should -Match "^\`$env:\w+ = 'http://127\.0\.0\.1:\d+'$" }
        $sessionLines[-1] | Should -Be "Import-Module '$ModuleManifestPath'"
        $sandboxId | Should -BeGreaterThan 0
    }

    It 'lets another session, given those lines, run the setup example with the README''s one line' {
        $session = Start-Child ($pwsh + @('-NoProfile', '-NonInteractive', '-Command', (($sessionLines + './examples/Setup-ScalekitAuth0.ps1') -join "`n")))
        $output = $session.StandardOutput.ReadToEndAsync()
        $errors = $session.StandardError.ReadToEndAsync()
        $finished = $session.WaitForExit(120000)
        if (-not $finished) { $session.Kill($true) }

        $finished | Should -BeTrue -Because 'a hung example is stopped after 2 minutes rather than waited for'
        $errors.Result | Should -BeNullOrEmpty
        $session.ExitCode | Should -Be 0
        $output.Result | Should -Match ([regex]::Escape("Auth0     $(([uri]$auth0Url).Authority) as ")) -Because "the example connected to this sandbox"
        # No customer's IT admin has set up SSO in this sandbox: the example's last line claims no login, and says where each stops.
        $output.Result | Should -Match 'Proven: no login reaches an identity provider yet; not yet: acme\.com \(stops at Scalekit\), globex\.com \(stops at Scalekit\)\.'
    }

    It 'stops the sandbox and exits 0 on Ctrl+C' {
        & kill -INT $build.Id
        $rest = $build.StandardOutput.ReadToEndAsync()
        $exited = $build.WaitForExit(30000)

        $exited | Should -BeTrue -Because 'Ctrl+C ends the task (the sandbox is killed after 10 s if it does not stop)'
        $build.ExitCode | Should -Be 0
        $rest.Result | Should -Match 'Sandbox stopped\.'
        Get-Process -Id $sandboxId -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}
