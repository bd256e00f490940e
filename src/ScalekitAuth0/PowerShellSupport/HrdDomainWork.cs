using System;
using System.Collections.Generic;
using System.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// What the Home Realm Discovery cmdlets that write (Add-, Remove- and Sync-HrdDomain) hold: one
    /// listing of the tenant per command, the connection each input targets, which domains it may
    /// route, and the editor that writes without losing a concurrent writer's change.
    /// </summary>
    internal sealed class HrdDomainWork
    {
        private readonly PipelineWork _work;
        private readonly Auth0Context _tenant;
        private readonly HrdDomainEditor _editor;
        private readonly Action<Auth0Connection> _requireTarget;
        private HrdDomainRoutes? _routes;

        /// <param name="requireTarget">Refuses a connection the command must not change (one that does not point at Scalekit).</param>
        public HrdDomainWork(PipelineWork work, Auth0Context tenant, Action<Auth0Connection> requireTarget)
        {
            _work = work;
            _tenant = tenant;
            _editor = new HrdDomainEditor(tenant.Client);
            _requireTarget = requireTarget;
        }

        /// <summary>Every connection of the tenant, listed once per command however many connections and domains it is given.</summary>
        public HrdDomainRoutes Routes => _routes ??= ReadRoutes();

        /// <summary>The connection the input names, from the listing; one the command must not change is refused before anything is planned.</summary>
        public Auth0Connection Target(string connectionName)
        {
            var routes = Routes;
            var client = _tenant.Client;
            var target = _work.Run(operation => routes.RequireAsync(client, connectionName, operation));
            _requireTarget(target);
            return target;
        }

        /// <summary>The connection read on its own, for a command that needs no listing of the tenant; refused as <see cref="Target"/> refuses.</summary>
        public Auth0Connection Read(string connectionName)
        {
            var client = _tenant.Client;
            var target = _work.Run(operation => client.RequireConnectionAsync(null, connectionName, operation));
            _requireTarget(target);
            return target;
        }

        /// <summary>The domains the target may start routing; those another connection routes are reported in one error, naming each connection.</summary>
        public List<string> Routable(IReadOnlyCollection<string> domains, Auth0Connection target)
        {
            var (routable, refusal) = Routes.Split(domains, target);
            if (refusal is not null)
            {
                _work.Report(refusal, domains.Except(routable).ToList());
            }
            return routable;
        }

        /// <summary>One read of the connection, and the change merged onto it; writes nothing.</summary>
        public HrdDomainPlan Plan(Auth0Connection target, HrdDomainChange change) =>
            _work.Run(operation => _editor.PlanAsync(target.Id, change, operation));

        /// <summary>The write and the read-back (see <see cref="HrdDomainEditor"/>); returns the connection as it now is.</summary>
        public Auth0Connection Apply(HrdDomainPlan plan)
        {
            var connection = _work.Run(operation => _editor.ApplyAsync(plan, operation));
            _routes?.Record(connection);
            return connection;
        }

        public (HrdDomainPlan Plan, Auth0Connection Connection) Edit(Auth0Connection target, HrdDomainChange change)
        {
            var plan = Plan(target, change);
            return (plan, Apply(plan));
        }

        /// <summary>The connection as -WhatIf and -Confirm name it.</summary>
        public string Describe(Auth0Connection connection) => $"Auth0 connection '{connection.Name}' ({connection.Id}) on {_tenant.Domain}";

        private HrdDomainRoutes ReadRoutes()
        {
            var client = _tenant.Client;
            return _work.Run(operation => HrdDomainRoutes.ReadAsync(client, operation));
        }
    }
}
