using System;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.Login;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Walks the login of an email address through Auth0 and Scalekit, without a browser and without credentials, and says where it would stop.",
        "First the settings that route the address (Routing): which connection's Home Realm Discovery domains hold its domain, Identifier First on the New Universal Login, and the connection enabled for the application. Then the redirects a browser would follow, as plain GET requests with no cookie, no token and no credential: Auth0's /authorize with the application's client id, one of its allowed callbacks, the connection, the address as login_hint and a random state (Auth0), which must send the browser to the connection's Scalekit authorization endpoint with login_hint and one of the tenant's callback URLs; then that Scalekit page (Scalekit), which must send the browser on to the customer's identity provider, by a redirect or by a page that posts a SAML request. The probe never follows that last hop (IdentityProvider) and never writes anything. Each address gives one ScalekitLoginProbe: the Stage reached, Pass or Fail, a Detail, the Fix to run, the IdentityProvider's host, and each hop (method, URL with state and nonce masked, status, location). Redirects on a service's own host are followed, a few at most, each with a timeout; a loop, a redirect without Location or a hop to an unexpected host is a Fail. Probes are paced (at most five Auth0 /authorize requests a second) to stay inside Auth0's Authentication API limits. -Domain probes a made-up address at the domain, and binds from piped Get-HrdDomain output. The application defaults to the first the connection is enabled for that has a callback URL. -Quiet writes only $true when every probe passed. Needs Connect-Auth0 (read:connections, read:connections_options, read:clients, read:prompts) and Connect-Scalekit.")]
    [CmdletExample("Test-ScalekitAuth0Login -Email alice@acme.com", "Shows whether a user at acme.com would reach Acme's identity provider, and where and why not.")]
    [CmdletExample("Get-HrdDomain -ConnectionName scalekit | Test-ScalekitAuth0Login | Where-Object Status -eq Fail | Format-Table Domain, Stage, Fix",
        "Probes every domain the connection routes and lists the ones whose users cannot sign in, with the fix for each.")]
    [CmdletExample("(Test-ScalekitAuth0Login -Email alice@acme.com -Application 'My App').Hops", "Shows each request the probe made and where it was sent next.")]
    [CmdletExample("if (-not (Test-ScalekitAuth0Login -Domain acme.com -Quiet)) { throw 'Acme users cannot sign in' }", "A runbook's check that fails the job when the login would not reach the identity provider.")]
    [Cmdlet(VerbsDiagnostic.Test, "ScalekitAuth0Login", DefaultParameterSetName = EmailSet)]
    [OutputType(typeof(ScalekitLoginProbe), typeof(bool))]
    public sealed class TestScalekitAuth0LoginCommand : ScalekitAuth0Cmdlet
    {
        private const string EmailSet = "Email";
        private const string DomainSet = "Domain";

        private LoginProber? _prober;
        private bool _allPassed = true;

        // By property name only (a CSV's Email column): were whole objects taken by value, a piped
        // HrdDomain would bind here as its string form instead of to -Domain.
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The email addresses whose login to probe, such as alice@acme.com (binds from a piped object's Email).")]
        [ValidateText]
        public string[] Email { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = DomainSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Email domains to probe with a made-up address (binds from piped Get-HrdDomain output).")]
        [ValidateText(MaxLength = DomainName.MaxLength)]
        public string[] Domain { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Auth0 connection the login should go through (binds from a piped domain's ConnectionName). Default: scalekit.")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("ConnectionName")]
        [ValidateText]
        public string Name { get; set; } = TestScalekitAuth0IntegrationCommand.DefaultConnectionName;

        [Parameter(HelpMessage = "The Auth0 application the login starts from, by name or client id. Default: the first the connection is enabled for that has a callback URL.")]
        [ArgumentCompleter(typeof(ApplicationCompleter))]
        [ValidateText]
        public string? Application { get; set; }

        [Parameter(HelpMessage = "Writes only $true when every probe passed, $false otherwise, for if statements in runbooks.")]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var prober = new LoginProber(Auth0Tenant.Client, ScalekitEnvironment.Client, Application);
            try
            {
                // A mistyped -Application is one error for the command, not one per address.
                Run(operation => prober.ResolveApplicationAsync(operation));
            }
            catch (ScalekitAuth0Exception e)
            {
                throw Terminate(e, Application);
            }
            _prober = prober;
        }

        protected override void ProcessRecord()
        {
            var addresses = ParameterSetName == DomainSet ? Domain : Email;
            foreach (var address in addresses)
            {
                var probed = false;
                ForEachInput(address, () =>
                {
                    var email = Address(address);
                    ConnectionName.RequireValid(Name, "Give the connection's name as Get-ScalekitConnection shows it, such as 'scalekit'.");
                    var prober = _prober!;
                    var name = Name;
                    var probe = Run(operation => prober.ProbeAsync(email, name, operation));
                    probed = true;
                    _allPassed &= probe.Status == LoginProbeStatus.Pass;
                    if (!Quiet)
                    {
                        WriteObject(probe);
                    }
                });
                _allPassed &= probed;
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(_allPassed);
            }
        }

        /// <summary>The address to probe: -Email checked, or a made-up one at -Domain.</summary>
        private string Address(string input)
        {
            if (ParameterSetName == DomainSet)
            {
                return LoginAddress.AtDomain(DomainName.NormalizeInput(input, nameof(Domain)));
            }
            try
            {
                return LoginAddress.Normalize(input);
            }
            catch (ArgumentException e)
            {
                throw ScalekitAuth0Exception.InvalidArgument("InvalidEmailAddress", "-Email " + e.Message, "Give a whole email address, such as 'alice@acme.com', or use -Domain acme.com.");
            }
        }
    }
}
