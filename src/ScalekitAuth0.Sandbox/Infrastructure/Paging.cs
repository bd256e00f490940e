namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>Offset paging, which both services offer (Auth0's page/per_page, Scalekit's page_number/page_token).</summary>
public static class Paging
{
    /// <summary>The 0-based page <paramref name="page"/> of <paramref name="size"/> items.</summary>
    public static IEnumerable<T> Offset<T>(IEnumerable<T> items, int page, int size) =>
        items.Skip((int)Math.Min(int.MaxValue, (long)page * size)).Take(size);
}
