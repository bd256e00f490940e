using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Http;
using ScalekitAuth0.Integration;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Checks that users can sign in to Auth0 through Scalekit, end to end, and says what to run for each problem.",
        "Reads both services, changes nothing, and writes one IntegrationCheck per check as soon as it is made: Discovery (Scalekit's discovery document answers and its issuer is the connection's), ConnectionSettings (an oidc back_channel connection with openid in its scope; a warning when login_hint is not forwarded), ClientSecret (Scalekit's token endpoint accepts the client secret the connection holds; the secret is never shown), RedirectUris (every Auth0 callback URL is allowed by the Scalekit client), EnabledApplications (the connection is enabled for at least one application), OrganizationDomainsRouted (every ORGANIZATION_DOMAIN of every Scalekit organization is a Home Realm Discovery domain of the connection), HrdDomainsOwned (every Home Realm Discovery domain of the connection belongs to a Scalekit organization) and DomainConflicts (no domain is routed by two connections of the tenant). Each has a Status of Pass, Warn or Fail, a Detail, and a Fix: the command that repairs it. A check that cannot be made (an API error, a missing scope) is a Fail whose Detail carries the error; the other checks still run. -Quiet writes only $true when no check failed (warnings pass) and $false otherwise. Needs both Connect-Auth0 and Connect-Scalekit; the Auth0 token needs read:connections, read:connections_options and read:clients.")]
    [CmdletExample("Test-ScalekitAuth0Integration -Name scalekit", "Checks the connection 'scalekit' and shows each check with its status.")]
    [CmdletExample("if (-not (Test-ScalekitAuth0Integration -Name scalekit -Quiet)) { throw 'Scalekit integration is broken' }",
        "A runbook's last step: a terminating error, so the Automation job ends as Failed, when anything would break logins.")]
    [CmdletExample("$checks = Test-ScalekitAuth0Integration -Name scalekit\n$checks | Where-Object Status -eq Fail | Format-List Check, Detail, Fix",
        "Keeps the checks and shows only the failed ones, with the command that fixes each.")]
    [Cmdlet(VerbsDiagnostic.Test, "ScalekitAuth0Integration")]
    [OutputType(typeof(IntegrationCheck), typeof(bool))]
    public sealed class TestScalekitAuth0IntegrationCommand : ScalekitAuth0Cmdlet
    {
        public const string DefaultConnectionName = "scalekit";

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Auth0 connection to check (binds from a piped connection's Name). Default: scalekit, the name the Scalekit guide uses.")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("ConnectionName")]
        public string Name { get; set; } = DefaultConnectionName;

        [Parameter(HelpMessage = "Writes only $true when no check failed (warnings pass), $false otherwise, for if statements in runbooks.")]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord() => ForEachInput(Name, () =>
        {
            ConnectionName.RequireValid(Name, "Give the connection's name as Get-ScalekitConnection shows it, such as 'scalekit'.");
            var checker = new IntegrationChecker(Auth0Tenant.Client, ScalekitEnvironment.Client, Name);
            var progress = new ProgressRecord(1, $"Checking the Scalekit integration of Auth0 connection '{Name}'", "Starting");
            var passed = true;
            for (var i = 0; i < checker.Steps.Count; i++)
            {
                var step = checker.Steps[i];
                progress.StatusDescription = step.Name;
                progress.PercentComplete = 100 * i / checker.Steps.Count;
                WriteProgress(progress);
                var check = Make(step);
                passed &= check.Status != IntegrationStatus.Fail;
                if (!Quiet)
                {
                    WriteObject(check);
                }
                if (check.Check == MissingConnection)
                {
                    break;
                }
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (Quiet)
            {
                WriteObject(passed);
            }
        });

        /// <summary>The check written, alone, when the connection does not exist: every other check would fail the same way.</summary>
        public const string MissingConnection = "Connection";

        /// <summary>A check that cannot be made fails, with the error and its advice, and the others still run.</summary>
        private IntegrationCheck Make(IntegrationCheckStep step)
        {
            try
            {
                return Run(step.Run);
            }
            catch (ScalekitAuth0Exception e) when (e.ErrorId == "ScalekitConnectionNotFound")
            {
                return new IntegrationCheck(Name, MissingConnection, IntegrationStatus.Fail, e.Message, e.RecommendedAction);
            }
            catch (System.Exception e) when (e is ApiException || e is ScalekitAuth0Exception)
            {
                WriteVerbose($"Check {step.Name} could not be made: {e.Message}");
                return new IntegrationCheck(Name, step.Name, IntegrationStatus.Fail, "Could not check: " + e.Message, ErrorRecords.RecommendedAction(e));
            }
        }
    }
}
