using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>Offset paging, which both services offer (Auth0's page/per_page, Scalekit's page_number/page_token).</summary>
public static class Paging
{
    /// <summary>The 0-based page <paramref name="page"/> of <paramref name="size"/> items.</summary>
    public static IEnumerable<T> Offset<T>(IEnumerable<T> items, int page, int size) =>
        items.Skip((int)Math.Min(int.MaxValue, (long)page * size)).Take(size);
}

/// <summary>
/// A test's cap on how many items a service answers per page, whatever the client asks for: a
/// deployment stricter than the documented maximum (Scalekit answering 50 domains when asked for
/// 100), which a client that pages by the size it asked for mistakes for the last page.
/// </summary>
public sealed class PageSizeCaps
{
    /// <summary>The query parameters that ask each service for a page size.</summary>
    private static readonly Dictionary<string, string[]> SizeParameters = new(StringComparer.Ordinal)
    {
        [Services.Auth0] = ["take", "per_page"],
        [Services.Scalekit] = ["page_size"],
    };

    private readonly ConcurrentDictionary<string, int> _caps = new(StringComparer.Ordinal);

    /// <summary>Null or 0 lifts the cap.</summary>
    public void Set(string service, int? max)
    {
        if (max is int cap and > 0)
        {
            _caps[service] = cap;
        }
        else
        {
            _caps.TryRemove(service, out _);
        }
    }

    public void Clear() => _caps.Clear();

    /// <summary>
    /// Rewrites the request's size parameters down to the cap before the emulator reads them, so every
    /// list route of the service answers at most that many (Scalekit's, when none is asked for, too).
    /// </summary>
    public void Apply(string service, HttpRequest request)
    {
        if (!_caps.TryGetValue(service, out var cap) || !SizeParameters.TryGetValue(service, out var names))
        {
            return;
        }
        var query = new QueryBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            var capped = names.Contains(key);
            seen.Add(key);
            foreach (var value in values)
            {
                query.Add(key, capped && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) && asked > cap
                    ? cap.ToString(CultureInfo.InvariantCulture)
                    : value ?? "");
            }
        }
        if (service == Services.Scalekit && !seen.Contains("page_size"))
        {
            query.Add("page_size", cap.ToString(CultureInfo.InvariantCulture));
        }
        request.QueryString = query.ToQueryString();
    }
}
