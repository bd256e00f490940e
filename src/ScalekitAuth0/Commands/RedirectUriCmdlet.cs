using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0.Commands
{
    /// <summary>What Sync- and Remove-ScalekitRedirectUri share: one read, one planned change, one checked write.</summary>
    public abstract class RedirectUriCmdlet : ScalekitAuth0Cmdlet
    {
        /// <summary>
        /// How the redirect-URI cmdlets change a Scalekit client: the plan is made from the list the
        /// server has now, -WhatIf and -Confirm stop before any write, and the write is read back.
        /// URIs to allow that do not fit under Scalekit's cap are an error once what fits is written
        /// (or, under -WhatIf, once the write is described). Null when the change was declined.
        /// </summary>
        private protected ScalekitRedirectUriResult? ChangeRedirectUris(string clientId, RedirectUriChange change)
        {
            var client = Run(operation => ScalekitEnvironment.Client.GetClientAsync(clientId, operation));
            var planned = ScalekitRedirectUriResult.Compare(client, change.ApplyTo(client.RedirectUris), ScalekitEnvironment);
            var leftOut = change.LeftOut(client.RedirectUris);
            if (!planned.Changed)
            {
                if (leftOut.Count > 0)
                {
                    throw RedirectUriLimit.Exceeded(client.Id, client.RedirectUriField, client.RedirectUris, leftOut, stored: true);
                }
                WriteVerbose($"Scalekit client {client.Id} already has the wanted redirect URIs in {client.RedirectUriField}; nothing to change.");
                return planned;
            }
            if (!ShouldProcess($"Scalekit client {client.Id} on {ScalekitEnvironment.EnvironmentUrl}", planned.Describe()))
            {
                if (leftOut.Count > 0)
                {
                    throw RedirectUriLimit.Exceeded(client.Id, client.RedirectUriField, planned.RedirectUris, leftOut, stored: false);
                }
                return null;
            }
            var updated = Run(operation => ScalekitEnvironment.Client.ApplyRedirectUriChangeAsync(client, change, operation));
            leftOut = change.LeftOut(updated.RedirectUris);
            if (leftOut.Count > 0)
            {
                throw RedirectUriLimit.Exceeded(client.Id, client.RedirectUriField, updated.RedirectUris, leftOut, stored: true);
            }
            return ScalekitRedirectUriResult.Compare(client, updated.RedirectUris, ScalekitEnvironment);
        }
    }
}
