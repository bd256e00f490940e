using System.Threading;

namespace ScalekitAuth0.Http
{
    /// <summary>What every call needs besides its arguments: where to report, when to give up, and what the command has seen so far.</summary>
    internal sealed class Operation
    {
        public Operation(IOperationLog log, CancellationToken cancellation, SlowestRequest? slowest = null)
        {
            Log = log;
            Cancellation = cancellation;
            Slowest = slowest ?? new SlowestRequest();
        }

        public static Operation Silent(CancellationToken cancellation = default) => new Operation(NullOperationLog.Instance, cancellation);

        public IOperationLog Log { get; }

        public CancellationToken Cancellation { get; }

        /// <summary>Shared by every call of one command, so a checked write waits long enough for what the command saw.</summary>
        public SlowestRequest Slowest { get; }
    }
}
