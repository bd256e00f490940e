using System.Text.RegularExpressions;

namespace ScalekitAuth0.Sandbox.Scalekit.Rules;

/// <summary>
/// Scalekit's documented rules for redirect URIs (docs "Configure redirect URLs") in a development
/// environment: http, https and custom schemes, localhost and wildcards allowed; at most 256
/// characters; no query, no fragment; at most one <c>*</c>, in the host's outermost label, not at
/// the root level (<c>https://*.com</c> is refused, <c>https://auth-*.acme.com</c> is fine).
/// Production-only rules (https only, no localhost, no wildcards) are not applied.
/// </summary>
internal static partial class RedirectUriRules
{
    public const int MaxLength = 256;

    /// <summary>Refuses the whole list, naming the first URI that breaks a rule; the proto also requires the items to be unique.</summary>
    public static void Validate(string field, IReadOnlyList<string> uris)
    {
        foreach (var uri in uris)
        {
            Validate(field, uri);
        }
        var repeated = uris.GroupBy(u => u, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw ScalekitWire.Invalid($"invalid {field}: \"{repeated.Key}\" is repeated; the URIs must be unique");
        }
    }

    public static void Validate(string field, string uri)
    {
        if (Problem(uri) is string problem)
        {
            throw ScalekitWire.Invalid($"invalid {field}: \"{uri}\" {problem}");
        }
    }

    /// <summary>Why the URI is not allowed, or null when it is.</summary>
    public static string? Problem(string uri)
    {
        if (uri.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }
        if (uri.Any(char.IsWhiteSpace))
        {
            return "contains whitespace";
        }
        if (uri.Contains('?'))
        {
            return "has query parameters, which are not allowed";
        }
        if (uri.Contains('#'))
        {
            return "has a fragment, which is not allowed";
        }
        var scheme = SchemePattern().Match(uri);
        if (!scheme.Success || scheme.Length == uri.Length)
        {
            return "is not an absolute URI with a scheme";
        }
        var web = scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https";
        var rest = uri[scheme.Length..];
        var host = rest.StartsWith("//", StringComparison.Ordinal) ? Host(rest[2..]) : null;
        if (host is null or "")
        {
            return web ? "has no host" : WildcardProblem(uri, null);
        }
        return WildcardProblem(uri, host);
    }

    private static string? WildcardProblem(string uri, string? host)
    {
        var wildcards = uri.Count(c => c == '*');
        if (wildcards == 0)
        {
            return null;
        }
        if (wildcards > 1)
        {
            return "has more than one wildcard";
        }
        if (host is null || !host.Contains('*'))
        {
            return "has a wildcard outside the host name";
        }
        var labels = host.Split('.');
        if (!labels[0].Contains('*'))
        {
            return "has a wildcard outside the outermost subdomain";
        }
        return labels.Length < 3 ? "has a wildcard at the root level" : null;
    }

    /// <summary>The host of an authority (and whatever path follows it): no user info, no port.</summary>
    private static string Host(string afterSlashes)
    {
        var end = afterSlashes.IndexOf('/');
        var authority = end < 0 ? afterSlashes : afterSlashes[..end];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.StartsWith('['))
        {
            return host;
        }
        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemePattern();
}
