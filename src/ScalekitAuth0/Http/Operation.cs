using System.Threading;

namespace ScalekitAuth0.Http
{
    /// <summary>What every call needs besides its arguments: where to report, and when to give up.</summary>
    internal sealed class Operation
    {
        public Operation(IOperationLog log, CancellationToken cancellation)
        {
            Log = log;
            Cancellation = cancellation;
        }

        public static Operation Silent(CancellationToken cancellation = default) => new Operation(NullOperationLog.Instance, cancellation);

        public IOperationLog Log { get; }

        public CancellationToken Cancellation { get; }
    }
}
