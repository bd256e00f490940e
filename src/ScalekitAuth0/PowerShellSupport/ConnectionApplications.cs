using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Integration;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// Turning a connection on or off for Auth0 applications, as Enable-/Disable-ScalekitConnection and
    /// New-ScalekitConnection -EnabledClient do it. Application names are resolved in one listing
    /// before anything is written, so a typo never leaves a change half made; then only the statuses
    /// that differ are written.
    /// </summary>
    internal sealed class ConnectionApplications
    {
        private readonly PSCmdlet _cmdlet;
        private readonly PipelineWork _work;
        private readonly Auth0Context _tenant;
        private readonly Action<Auth0Connection> _requireTarget;
        private readonly List<Request> _requests = new List<Request>();
        private IReadOnlyCollection<Auth0Application>? _listed;

        /// <param name="requireTarget">Refuses a connection the command must not change (one that does not point at Scalekit).</param>
        public ConnectionApplications(PSCmdlet cmdlet, PipelineWork work, Auth0Context tenant, Action<Auth0Connection> requireTarget)
        {
            _cmdlet = cmdlet;
            _work = work;
            _tenant = tenant;
            _requireTarget = requireTarget;
        }

        /// <summary>Collects what one input asks for; nothing is read or written until <see cref="SetAll"/>.</summary>
        public void Add(string? connectionId, string? connectionName, IEnumerable<string> applications)
        {
            var request = _requests.FirstOrDefault(r => r.Id == connectionId && r.Name == connectionName);
            if (request is null)
            {
                request = new Request(connectionId, connectionName);
                _requests.Add(request);
            }
            request.Applications.AddRange(applications);
        }

        /// <summary>Resolves every application collected at once, then sets each connection's statuses; writes the connections with -PassThru.</summary>
        public void SetAll(bool enable, bool passThru)
        {
            ApplicationResolution? resolution = null;
            _work.ForEachInput(null, () => resolution = Resolve(_requests.SelectMany(r => r.Applications)));
            if (resolution is null)
            {
                return;
            }
            var client = _tenant.Client;
            foreach (var request in _requests)
            {
                _work.ForEachInput(request.Id ?? request.Name, () =>
                {
                    var connection = _work.Run(operation => client.RequireConnectionAsync(request.Id, request.Name, operation));
                    _requireTarget(connection);
                    var enabledClients = Set(connection, resolution.For(request.Applications), enable);
                    if (enabledClients is not null && passThru)
                    {
                        _cmdlet.WriteObject(ScalekitConnection.From(connection, _tenant, Named(enabledClients)));
                    }
                });
            }
        }

        /// <summary>
        /// Application names or client ids resolved in one listing; null, after an error record for
        /// each input that names no single application, when any of them failed: the caller then
        /// writes nothing.
        /// </summary>
        public ApplicationResolution? Resolve(IEnumerable<string> namesOrIds)
        {
            var client = _tenant.Client;
            var resolution = _work.Run(operation => ApplicationResolution.ReadAsync(client, namesOrIds, operation));
            _listed = resolution.Applications;
            foreach (var failure in resolution.Failures)
            {
                _work.Report(failure.Error, failure.Input);
            }
            return resolution.Failures.Count == 0 ? resolution : null;
        }

        /// <summary>The applications the connection is enabled for, by name where the name is unique (one read, and one listing per command).</summary>
        public string[] EnabledFor(Auth0Connection connection)
        {
            var client = _tenant.Client;
            return Named(_work.Run(operation => client.GetEnabledClientIdsAsync(connection.Id, operation)));
        }

        /// <summary>Client ids as names where known: the applications are listed once per command.</summary>
        public string[] Named(IEnumerable<string> clientIds)
        {
            var client = _tenant.Client;
            _listed ??= _work.Run(async operation =>
            {
                var applications = new List<Auth0Application>();
                await client.ListApplicationsAsync(applications.AddRange, operation).ConfigureAwait(false);
                return (IReadOnlyCollection<Auth0Application>)applications;
            });
            return ApplicationResolution.Named(clientIds, _listed);
        }

        /// <summary>
        /// Turns the connection on or off for the applications, writing only the statuses that differ.
        /// Returns the enabled client ids afterwards, or null when -WhatIf or the user kept it from writing.
        /// </summary>
        public string[]? Set(Auth0Connection connection, IReadOnlyList<Auth0Application> applications, bool enable)
        {
            var client = _tenant.Client;
            var change = _work.Run(operation => client.PlanEnabledClientsAsync(connection.Id, applications, enable, operation));
            if (change.IsEmpty)
            {
                _cmdlet.WriteVerbose($"Connection '{connection.Name}' is already {(enable ? "enabled" : "disabled")} for the {applications.Count} application(s) given; nothing to change.");
                return change.EnabledAfter;
            }
            if (!_cmdlet.ShouldProcess($"Auth0 connection '{connection.Name}' ({connection.Id}) on {_tenant.Domain}", change.Describe()))
            {
                return null;
            }
            _work.Run(operation => client.ApplyEnabledClientsAsync(change, operation));
            return change.EnabledAfter;
        }

        /// <summary>One connection named in the pipeline, and every application named for it.</summary>
        private sealed class Request
        {
            public Request(string? id, string? name)
            {
                Id = id;
                Name = name;
            }

            public string? Id { get; }

            public string? Name { get; }

            public List<string> Applications { get; } = new List<string>();
        }
    }
}
