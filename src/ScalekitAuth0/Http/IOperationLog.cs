namespace ScalekitAuth0.Http
{
    /// <summary>
    /// Where the transport reports what it does. Calls may come from any thread; the cmdlet side
    /// carries them to the pipeline thread. Messages never contain a header value or a secret.
    /// </summary>
    internal interface IOperationLog
    {
        void Verbose(string message);

        void Warning(string message);
    }

    internal sealed class NullOperationLog : IOperationLog
    {
        public static NullOperationLog Instance { get; } = new NullOperationLog();

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
