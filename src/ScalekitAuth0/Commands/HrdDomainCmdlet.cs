using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What the Home Realm Discovery cmdlets that write share: one listing of the tenant per command,
    /// the editor that writes without losing a concurrent writer's change, Scalekit only when needed,
    /// and progress on bulk Scalekit work.
    /// </summary>
    public abstract class HrdDomainCmdlet : Auth0Cmdlet
    {
        private ScalekitContext? _scalekit;
        private HrdDomainRoutes? _routes;
        private HrdDomainEditor? _editor;

        [Parameter(HelpMessage = "The Scalekit connection to use, from Connect-Scalekit -PassThru. Default: the current runspace's. Needed only with -Organization, and by Sync-HrdDomain.")]
        public ScalekitContext? ScalekitContext { get; set; }

        /// <summary>
        /// Resolved on first use, on the pipeline thread: Add-HrdDomain and Remove-HrdDomain without
        /// -Organization never touch Scalekit, so a runbook that only routes domains need not connect to it.
        /// </summary>
        protected ScalekitContext Scalekit => _scalekit ??= ResolveScalekitContext(ScalekitContext);

        /// <summary>Every connection of the tenant, listed once per command however many connections and domains it is given.</summary>
        protected HrdDomainRoutes Routes => _routes ??= ReadRoutes();

        protected Auth0Connection Target(string connectionName)
        {
            var routes = Routes;
            var client = Auth0.Client;
            return Run(operation => routes.RequireAsync(client, connectionName, operation));
        }

        /// <summary>The domains the target may start routing; each one another connection routes is reported, naming that connection.</summary>
        protected List<string> Routable(IEnumerable<string> domains, Auth0Connection target)
        {
            var routable = new List<string>();
            foreach (var domain in domains)
            {
                if (Routes.Refusal(domain, target) is ScalekitAuth0Exception refusal)
                {
                    Report(refusal, domain);
                }
                else
                {
                    routable.Add(domain);
                }
            }
            return routable;
        }

        /// <summary>One read of the connection, and the change merged onto it; writes nothing.</summary>
        protected HrdDomainPlan Plan(Auth0Connection target, HrdDomainChange change)
        {
            var editor = Editor;
            return Run(operation => editor.PlanAsync(target.Id, change, operation));
        }

        /// <summary>The write and the read-back (see <see cref="HrdDomainEditor"/>); returns the connection as it now is.</summary>
        protected Auth0Connection Apply(HrdDomainPlan plan)
        {
            var editor = Editor;
            var connection = Run(operation => editor.ApplyAsync(plan, operation));
            _routes?.Record(connection);
            return connection;
        }

        protected (HrdDomainPlan Plan, Auth0Connection Connection) Edit(Auth0Connection target, HrdDomainChange change)
        {
            var plan = Plan(target, change);
            return (plan, Apply(plan));
        }

        /// <summary>
        /// Runs client work that reports how far it is (done, total), with a progress bar on the
        /// pipeline thread; the bar goes away when the work ends, however it ends.
        /// </summary>
        protected T RunWithProgress<T>(string activity, string unit, Func<Operation, Action<int, int>, Task<T>> work)
        {
            var progress = new ThrottledProgress(this, 1, activity);
            try
            {
                return Run(operation => work(operation, (done, total) =>
                {
                    if (progress.IsDue())
                    {
                        Post(operation, () => progress.Write(done, total, $"{done} of {total} {unit}"));
                    }
                }));
            }
            finally
            {
                progress.Complete();
            }
        }

        protected string Describe(Auth0Connection connection) => $"Auth0 connection '{connection.Name}' ({connection.Id}) on {Auth0.Domain}";

        /// <summary>A few domains by name and how many more: a confirmation prompt must stay readable for a thousand.</summary>
        protected static string List(IReadOnlyCollection<string> domains)
        {
            const int Shown = 5;
            var named = string.Join(", ", domains.Take(Shown));
            return domains.Count > Shown ? $"{named} and {domains.Count - Shown} more" : named;
        }

        private HrdDomainEditor Editor => _editor ??= new HrdDomainEditor(Auth0.Client);

        private HrdDomainRoutes ReadRoutes()
        {
            var client = Auth0.Client;
            return Run(operation => HrdDomainRoutes.ReadAsync(client, operation));
        }
    }
}
