using System.Collections.Generic;
using System.Management.Automation;
using System;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Integration;

namespace ScalekitAuth0.Commands
{
    /// <summary>A cmdlet that talks to Auth0: -Auth0Context, or the session's.</summary>
    public abstract class Auth0Cmdlet : ScalekitAuth0Cmdlet
    {
        [Parameter(HelpMessage = "The Auth0 connection to use, from Connect-Auth0 -PassThru. Default: the current runspace's.")]
        public Auth0Context? Auth0Context { get; set; }

        /// <summary>Resolved on the pipeline thread before any input: client work runs elsewhere, where the runspace is not known.</summary>
        protected Auth0Context Auth0 => _auth0 ?? throw new InvalidOperationException("The Auth0 context is resolved in BeginProcessing.");

        protected override void BeginProcessing() => _auth0 = ResolveAuth0Context(Auth0Context);

        /// <summary>The connection named by -Id or else -Name (both bind from a piped connection).</summary>
        protected Auth0Connection RequireConnection(string? id, string? name)
        {
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(name))
            {
                throw InvalidArgument("ConnectionNotSpecified", "No connection was given.", "Pass -Name or -Id, or pipe a connection from Get-ScalekitConnection.");
            }
            return Run(operation => Auth0.Client.RequireConnectionAsync(id, name, operation));
        }

        /// <summary>
        /// Application names or client ids resolved in one listing; null, after an error record for
        /// each input that names no single application, when any of them failed: the caller then
        /// writes nothing, so a typo never leaves a change half made.
        /// </summary>
        protected ApplicationResolution? ResolveApplications(IEnumerable<string> namesOrIds)
        {
            var resolution = Run(operation => Auth0.Client.ResolveApplicationsAsync(namesOrIds, operation));
            foreach (var failure in resolution.Failures)
            {
                Report(failure.Error, failure.Input);
            }
            return resolution.Failures.Count == 0 ? resolution : null;
        }

        /// <summary>
        /// Turns the connection on or off for the applications (Enable-/Disable-ScalekitConnection and
        /// New-ScalekitConnection -EnabledClient share it), writing only the statuses that differ.
        /// Returns the enabled client ids afterwards, or null when -WhatIf or the user kept it from writing.
        /// </summary>
        protected string[]? SetEnabledClients(Auth0Connection connection, IReadOnlyList<Auth0Application> applications, bool enable)
        {
            var change = Run(operation => Auth0.Client.PlanEnabledClientsAsync(connection.Id, applications, enable, operation));
            if (change.IsEmpty)
            {
                WriteVerbose($"Connection '{connection.Name}' is already {(enable ? "enabled" : "disabled")} for the {applications.Count} application(s) given; nothing to change.");
                return change.EnabledAfter;
            }
            if (!ShouldProcess($"Auth0 connection '{connection.Name}' ({connection.Id}) on {Auth0.Domain}", change.Describe()))
            {
                return null;
            }
            Run(operation => Auth0.Client.ApplyEnabledClientsAsync(change, operation));
            return change.EnabledAfter;
        }

        private Auth0Context? _auth0;
    }
}
