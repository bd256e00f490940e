using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Help;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Stops a Scalekit client from allowing the given redirect URIs.",
        "Removes exactly the given URIs (compared as written, after trimming) and keeps every other one in its place; a URI the client does not allow is left as it is. Logins that come back to a removed URI fail, so the command asks for confirmation unless -Confirm:$false is given (runbooks must pass it).")]
    [CmdletExample("Remove-ScalekitRedirectUri -Uri https://old-tenant.us.auth0.com/login/callback -Confirm:$false -PassThru", "Removes the callback URL of a retired Auth0 tenant and shows the resulting list.")]
    [CmdletExample("Get-ScalekitRedirectUri | Where-Object { $_ -like 'http://localhost*' } | Remove-ScalekitRedirectUri -WhatIf", "Shows which local development URIs would be removed, in one change of the client.")]
    [Cmdlet(VerbsCommon.Remove, "ScalekitRedirectUri", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ScalekitRedirectUriResult))]
    public sealed class RemoveScalekitRedirectUriCommand : RedirectUriCmdlet
    {
        private readonly Dictionary<string, List<string>> _byClient = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The redirect URIs to stop allowing, as Scalekit lists them (binds from Get-ScalekitRedirectUri piped in).")]
        [ArgumentCompleter(typeof(RedirectUriCompleter))]
        [TextOnly(nameof(Uri), "Pipe the URIs Get-ScalekitRedirectUri writes, or pass -Uri.")]
        [ValidateNotNullOrEmpty]
        [ValidateText(MaxLength = 2048)]
        public string[] Uri { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The Scalekit client (skc_...), which binds from a piped connection. Default: the client of the Scalekit context.")]
        [ValidateText]
        public string? ClientId { get; set; }

        [Parameter(HelpMessage = "Writes the resulting object to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>URIs are gathered from the whole pipeline, so each client is read, asked about and written once.</summary>
        protected override void ProcessRecord() => ForEachInput(ClientId, () =>
        {
            var clientId = string.IsNullOrEmpty(ClientId) ? ScalekitEnvironment.ClientId : ClientId!;
            if (!_byClient.TryGetValue(clientId, out var uris))
            {
                uris = new List<string>();
                _byClient.Add(clientId, uris);
            }
            uris.AddRange(Uri);
        });

        protected override void EndProcessing()
        {
            foreach (var pair in _byClient)
            {
                ForEachInput(pair.Key, () => Remove(pair.Key, pair.Value));
            }
        }

        private void Remove(string clientId, IReadOnlyList<string> uris)
        {
            var result = ChangeRedirectUris(clientId, RedirectUriChange.Removing(uris));
            if (result is null)
            {
                return;
            }
            foreach (var absent in uris.Select(u => u.Trim()).Except(result.Removed.Select(u => u.Trim()), StringComparer.Ordinal))
            {
                WriteVerbose($"{absent} was not an allowed redirect URI of Scalekit client {result.ClientId}; nothing to remove.");
            }
            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }
}
