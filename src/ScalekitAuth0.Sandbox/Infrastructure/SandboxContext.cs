namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>The credentials the sandbox is seeded with; fresh random values on every start.</summary>
public sealed record SeedCredentials(string Auth0ClientId, string Auth0ClientSecret, string ScalekitClientId, string ScalekitClientSecret)
{
    public static SeedCredentials Random() => new(
        Auth0ClientId: RandomId.Alphanumeric(32),
        Auth0ClientSecret: RandomId.Alphanumeric(64),
        ScalekitClientId: "skc_" + RandomId.Digits(17),
        ScalekitClientSecret: "test_" + RandomId.Alphanumeric(40));
}

/// <summary>What both emulators share: the log, the faults, the rate limit, the page-size caps, the tokens and each other's address.</summary>
public sealed class SandboxContext(SeedCredentials seeds)
{
    public SeedCredentials Seeds { get; } = seeds;
    public RequestLog RequestLog { get; } = new();
    public FaultRules Faults { get; } = new();
    public RateLimiter RateLimiter { get; } = new();
    public PageSizeCaps PageSizeCaps { get; } = new();
    public TokenIssuer Tokens { get; } = new();

    /// <summary>Known once Kestrel has bound its port; read at request time, never at start-up.</summary>
    public string Auth0Url { get; internal set; } = "";

    /// <summary>Known once Kestrel has bound its port; read at request time, never at start-up.</summary>
    public string ScalekitUrl { get; internal set; } = "";
}
