using System.Text.RegularExpressions;

namespace ScalekitAuth0.Sandbox.Scalekit.Rules;

/// <summary>What Scalekit refuses in an organization domain's name. Call with the state's lock held.</summary>
internal static partial class DomainRules
{
    /// <summary>A few of the public mail providers Scalekit blocks ("Public/disposable domains (e.g., gmail.com) are blocked").</summary>
    private static readonly HashSet<string> PublicDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "aol.com",
        "proton.me", "protonmail.com", "mailinator.com",
    };

    /// <summary>A lowercase hostname, not a public mail provider, and no organization's domain yet.</summary>
    public static void ValidateName(ScalekitState state, string name)
    {
        if (name.Length > 253 || !DomainPattern().IsMatch(name))
        {
            throw ScalekitWire.Invalid($"invalid domain format: \"{name}\"");
        }
        if (PublicDomains.Contains(name))
        {
            throw ScalekitWire.Invalid($"public or disposable domain not allowed: \"{name}\"");
        }
        if (state.Domains.Values.Any(d => d.Name == name))
        {
            throw ScalekitWire.Invalid($"domain already exists: \"{name}\"");
        }
    }

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
