using System.Collections.Generic;
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
        private HrdDomainRoutes? _routes;

        public HrdDomainWork(PipelineWork work, Auth0Context tenant)
        {
            _work = work;
            _tenant = tenant;
            _editor = new HrdDomainEditor(tenant.Client);
        }

        /// <summary>Every connection of the tenant, listed once per command however many connections and domains it is given.</summary>
        public HrdDomainRoutes Routes => _routes ??= ReadRoutes();

        public Auth0Connection Target(string connectionName)
        {
            var routes = Routes;
            var client = _tenant.Client;
            return _work.Run(operation => routes.RequireAsync(client, connectionName, operation));
        }

        /// <summary>The domains the target may start routing; each one another connection routes is reported, naming that connection.</summary>
        public List<string> Routable(IEnumerable<string> domains, Auth0Connection target)
        {
            var routable = new List<string>();
            foreach (var domain in domains)
            {
                if (Routes.Refusal(domain, target) is ScalekitAuth0Exception refusal)
                {
                    _work.Report(refusal, domain);
                }
                else
                {
                    routable.Add(domain);
                }
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
