using System.Text.RegularExpressions;

namespace ScalekitAuth0.Sandbox.Scalekit.Rules;

/// <summary>
/// What Scalekit refuses in an organization's fields (create and update alike); external ids and
/// slugs are unique in the environment. Call with the state's lock held.
/// </summary>
internal static partial class OrganizationRules
{
    public static void ValidateDisplayName(string displayName)
    {
        if (displayName.Length is < 1 or > 200)
        {
            throw ScalekitWire.Invalid("invalid display_name: must be between 1 and 200 characters");
        }
    }

    public static void ValidateExternalId(ScalekitState state, string? externalId, Organization? self)
    {
        if (externalId is null)
        {
            return;
        }
        if (externalId.Length > 255)
        {
            throw ScalekitWire.Invalid("invalid external_id: must be at most 255 characters");
        }
        if (state.Organizations.Values.Any(o => o != self && o.ExternalId == externalId))
        {
            throw ScalekitWire.Invalid($"organization with external_id \"{externalId}\" already exists");
        }
    }

    public static void ValidateMetadata(Dictionary<string, string> metadata)
    {
        if (metadata.Count > 10)
        {
            throw ScalekitWire.Invalid("invalid metadata: at most 10 pairs are allowed");
        }
        var bad = metadata.FirstOrDefault(p => p.Key.Length is < 3 or > 25 || p.Value.Length is < 1 or > 256);
        if (bad.Key is not null)
        {
            throw ScalekitWire.Invalid($"invalid metadata \"{bad.Key}\": keys must be 3-25 characters and values 1-256");
        }
    }

    public static void ValidateSlug(ScalekitState state, string? slug, Organization? self)
    {
        if (slug is null)
        {
            return;
        }
        if (slug.Length > 253 || !SlugPattern().IsMatch(slug))
        {
            throw ScalekitWire.Invalid($"invalid slug \"{slug}\": must be a lowercase DNS label or hostname");
        }
        if (state.Organizations.Values.Any(o => o != self && o.Slug == slug))
        {
            throw ScalekitWire.Invalid($"organization with slug \"{slug}\" already exists");
        }
    }

    public static void ValidateLogoUrl(string? logoUrl)
    {
        if (logoUrl is not null && (logoUrl.Length > 1024 || !logoUrl.StartsWith("https://", StringComparison.Ordinal)
            || !Uri.TryCreate(logoUrl, UriKind.Absolute, out _)))
        {
            throw ScalekitWire.Invalid("invalid logo_url: must be an https URL of at most 1024 characters");
        }
    }

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex SlugPattern();
}
