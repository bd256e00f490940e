using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Help;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Turns Identifier First on or off for the Auth0 tenant's login page, so Home Realm Discovery can route users by email domain.",
        "Reads the prompt settings (GET /api/v2/prompts, scope read:prompts), then sends a PATCH (scope update:prompts) with only the settings that differ; when nothing differs it writes nothing and says so in Verbose. -IdentifierFirst:$false turns it off. Identifier First works only on the New Universal Login: on a tenant still on the classic login, add -UniversalLoginExperience new (it changes the look of every login page of the tenant, so it is never switched on its own).")]
    [CmdletExample("Set-Auth0LoginPrompt -IdentifierFirst", "Asks for the email address first, so users at the connection's domains are sent to Scalekit.")]
    [CmdletExample("Set-Auth0LoginPrompt -IdentifierFirst -UniversalLoginExperience new -WhatIf", "Shows what would change on a tenant still on the classic login, writing nothing.")]
    [CmdletExample("Set-Auth0LoginPrompt -IdentifierFirst:$false -PassThru", "Turns Identifier First off and returns the settings as they now are.")]
    [Cmdlet(VerbsCommon.Set, "Auth0LoginPrompt", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Auth0LoginPrompt))]
    public sealed class SetAuth0LoginPromptCommand : ScalekitAuth0Cmdlet
    {
        [Parameter(Position = 0, HelpMessage = "Ask for the email address first (identifier_first). -IdentifierFirst:$false turns it off.")]
        public SwitchParameter IdentifierFirst { get; set; }

        [Parameter(HelpMessage = "The login experience: new (New Universal Login, which Identifier First needs) or classic.")]
        [ValidateSet(Auth0LoginPrompt.NewExperience, Auth0LoginPrompt.ClassicExperience)]
        public string? UniversalLoginExperience { get; set; }

        [Parameter(HelpMessage = "Writes the settings as they are afterwards to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachInput(Auth0Tenant.Domain, () =>
        {
            var wanted = Wanted();
            var client = Auth0Tenant.Client;
            var current = Run(operation => client.GetLoginPromptAsync(operation));
            var changes = new JObject();
            if (wanted.TryGetValue("identifier_first", out var identifierFirst) && (bool)identifierFirst! != current.IdentifierFirst)
            {
                changes["identifier_first"] = identifierFirst;
            }
            if (wanted.TryGetValue("universal_login_experience", out var experience) && (string)experience! != current.UniversalLoginExperience)
            {
                changes["universal_login_experience"] = experience;
            }
            if (changes.Count == 0)
            {
                WriteVerbose($"The login prompt of {Auth0Tenant.Domain} already has {Describe(wanted, " = ")}; nothing to change.");
                WritePassThru(current);
                return;
            }
            if (!ShouldProcess($"Login prompt of Auth0 tenant {Auth0Tenant.Domain}", "Set " + Describe(changes, " to ")))
            {
                return;
            }
            WritePassThru(Run(operation => client.UpdateLoginPromptAsync(changes, operation)));
        });

        /// <summary>The settings the user gave, as the API names them; giving none is an error, not a silent no-op.</summary>
        private JObject Wanted()
        {
            var wanted = new JObject();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(IdentifierFirst)))
            {
                wanted["identifier_first"] = IdentifierFirst.IsPresent;
            }
            if (UniversalLoginExperience is not null)
            {
                wanted["universal_login_experience"] = UniversalLoginExperience;
            }
            return wanted.Count > 0
                ? wanted
                : throw ScalekitAuth0Exception.InvalidArgument("LoginPromptSettingMissing", "No login prompt setting was given.", "Pass -IdentifierFirst (or -IdentifierFirst:$false), -UniversalLoginExperience, or both.");
        }

        private void WritePassThru(Auth0LoginPrompt prompt)
        {
            if (PassThru)
            {
                WriteObject(prompt);
            }
        }

        private static string Describe(JObject settings, string between) =>
            string.Join(", ", settings.Properties().Select(p => p.Name + between + Format(p.Value)));

        private static string Format(JToken value) =>
            value.Type == JTokenType.Boolean ? ((bool)value ? "true" : "false") : "'" + string.Format(CultureInfo.InvariantCulture, "{0}", (string?)value) + "'";
    }
}
