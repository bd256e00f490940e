namespace ScalekitAuth0.Tests.Fixtures;

/// <summary>
/// The recorded HTTP exchanges of one upstream Auth0 test (one go-vcr cassette), in the order they
/// were made: a folder of <c>tests/Recordings/auth0</c>, one file per exchange.
/// </summary>
public sealed record Cassette(string Name, IReadOnlyList<RecordedExchange> Exchanges)
{
    /// <summary>The cassette in <paramref name="name"/>, a folder relative to <see cref="Recordings.Root"/>.</summary>
    public static Cassette Load(string name) => new(name, Recordings.ExchangesIn(name));

    /// <summary>Every cassette below <paramref name="folder"/> (relative to <see cref="Recordings.Root"/>), in a stable order.</summary>
    public static IEnumerable<string> Under(string folder) => Recordings.ExchangeFoldersUnder(folder);
}
