using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Infrastructure;

public sealed record IssuedToken(string Service, string ClientId, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues JWT-shaped access tokens (so a client can read the <c>scope</c> claim as it can from
/// real Auth0 tokens) and remembers them: a token is valid only if this issuer made it and it
/// has neither expired nor been revoked by a test.
/// </summary>
public sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _lifetimes = new(StringComparer.Ordinal);

    /// <summary>How long the service's next tokens live: <paramref name="normal"/>, unless a test set a (shorter) lifetime.</summary>
    public TimeSpan LifetimeOf(string service, TimeSpan normal) => _lifetimes.TryGetValue(service, out var lifetime) ? lifetime : normal;

    /// <summary>Null or 0 restores the service's normal lifetime.</summary>
    public void SetLifetime(string service, int? seconds)
    {
        if (seconds is int value and > 0)
        {
            _lifetimes[service] = TimeSpan.FromSeconds(value);
        }
        else
        {
            _lifetimes.TryRemove(service, out _);
        }
    }

    public void ResetLifetimes() => _lifetimes.Clear();

    public string Issue(string service, string issuer, string clientId, IEnumerable<string> scopes, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        var scopeSet = scopes.ToHashSet(StringComparer.Ordinal);
        var payload = new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = clientId + "@clients",
            ["scope"] = string.Join(' ', scopeSet),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        var token = $"{Base64Url.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Base64Url.Encode(payload.ToJsonString())}.sandbox";
        _issued[token] = new IssuedToken(service, clientId, scopeSet, now + lifetime);
        return token;
    }

    public IssuedToken? Validate(string service, string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorizationHeader[prefix.Length..].Trim();
        return _issued.TryGetValue(token, out var issued) && issued.Service == service && issued.ExpiresAt > DateTimeOffset.UtcNow
            ? issued
            : null;
    }

    /// <summary>Forgets every token, so the next request with any of them gets a 401: a token expiring mid-run.</summary>
    public void RevokeAll() => _issued.Clear();
}
