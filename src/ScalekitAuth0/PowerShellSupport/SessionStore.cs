using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// The current contexts of each runspace. Azure Automation runs several jobs in one process, and
    /// ForEach-Object -Parallel runs several runspaces: each must see only its own contexts, so
    /// they are keyed by runspace and go away with it.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, SessionContexts> Slots = new ConditionalWeakTable<Runspace, SessionContexts>();

        public static Auth0Context? Auth0
        {
            get => Current.Auth0;
            set => Current.Auth0 = value;
        }

        public static ScalekitContext? Scalekit
        {
            get => Current.Scalekit;
            set => Current.Scalekit = value;
        }

        /// <summary>The contexts of the runspace this thread runs; only the pipeline thread knows it.</summary>
        public static SessionContexts Current => Slots.GetValue(Runspace.DefaultRunspace, _ => new SessionContexts());
    }

    /// <summary>One runspace's contexts, as Connect-* left them.</summary>
    internal sealed class SessionContexts
    {
        public Auth0Context? Auth0 { get; set; }

        public ScalekitContext? Scalekit { get; set; }
    }
}
