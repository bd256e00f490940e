using ScalekitAuth0.Http;

namespace ScalekitAuth0.Tests.Support;

/// <summary>Keeps what a client call reported, verbose and warnings apart, from whatever thread it came.</summary>
internal sealed class RecordingLog : IOperationLog
{
    private readonly List<string> _messages = new();
    private readonly List<string> _warnings = new();

    /// <summary>Everything reported, warnings included, in order.</summary>
    public IReadOnlyList<string> Messages => Copy(_messages);

    public IReadOnlyList<string> Warnings => Copy(_warnings);

    public Operation Operation() => new(this, default);

    public void Verbose(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    public void Warning(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            _warnings.Add(message);
        }
    }

    private IReadOnlyList<string> Copy(List<string> list)
    {
        lock (_messages)
        {
            return list.ToList();
        }
    }
}
