using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ScalekitAuth0.Commands;
using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Support;

/// <summary>A runspace with the module imported from its assembly, as Import-Module would, driven from C#.</summary>
public sealed class HostedShell : IDisposable
{
    private readonly Runspace _runspace;

    public HostedShell()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(ScalekitAuth0Cmdlet).Assembly.Location);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public Collection<ErrorRecord> Errors { get; } = new();
    public Collection<WarningRecord> Warnings { get; } = new();
    public Collection<VerboseRecord> Verbose { get; } = new();

    /// <summary>Runs a script with the given variables; collects errors and warnings; terminating errors stay exceptions.</summary>
    public Collection<PSObject> Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }
        shell.AddScript(script);
        try
        {
            return shell.Invoke();
        }
        finally
        {
            foreach (var error in shell.Streams.Error)
            {
                Errors.Add(error);
            }
            foreach (var warning in shell.Streams.Warning)
            {
                Warnings.Add(warning);
            }
            foreach (var verbose in shell.Streams.Verbose)
            {
                Verbose.Add(verbose);
            }
        }
    }

    /// <summary>A script on this runspace, not yet started, for tests that start it and stop it midway.</summary>
    public PowerShell Prepare(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        return shell.AddScript(script);
    }

    /// <summary>
    /// Runs a script that must stop with a terminating error, and returns that error: only a
    /// terminating error reaches catch, so a merely written error fails the assertion.
    /// </summary>
    public ErrorRecord Terminating(string script, IDictionary<string, object?>? variables = null)
    {
        var caught = Run($"try {{ {script} }} catch {{ $_ }}", variables);
        return Assert.IsType<ErrorRecord>(Assert.Single(caught).BaseObject);
    }

    /// <summary>Connect-Auth0 and Connect-Scalekit against the sandbox with its seeded credentials.</summary>
    public void ConnectBoth(ModuleSandboxFixture fixture) => Run(
        "Connect-Auth0 -Domain $a0 -ClientId $a0id -ClientSecret $a0secret; Connect-Scalekit -EnvironmentUrl $sk -ClientId $skid -ClientSecret $sksecret",
        new Dictionary<string, object?>
        {
            ["a0"] = fixture.Host.Auth0Url,
            ["a0id"] = fixture.Host.Auth0ClientId,
            ["a0secret"] = Secret.Protect(fixture.Host.Auth0ClientSecret),
            ["sk"] = fixture.Host.ScalekitUrl,
            ["skid"] = fixture.Host.ScalekitClientId,
            ["sksecret"] = Secret.Protect(fixture.Host.ScalekitClientSecret),
        });

    public void Dispose() => _runspace.Dispose();
}
