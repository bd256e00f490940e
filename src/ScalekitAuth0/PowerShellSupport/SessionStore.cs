using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// The current contexts of each runspace. Azure Automation runs several jobs in one process, and
    /// ForEach-Object -Parallel runs several runspaces: each must see only its own connections, so
    /// they are keyed by runspace and go away with it.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new ConditionalWeakTable<Runspace, Slot>();

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

        private static Slot Current => Slots.GetValue(Runspace.DefaultRunspace, _ => new Slot());

        private sealed class Slot
        {
            public Auth0Context? Auth0 { get; set; }

            public ScalekitContext? Scalekit { get; set; }
        }
    }
}
