using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>The environment API client as a test sees it. <c>LoginUris</c> is <c>post_login_uris</c>, or <c>redirect_uris</c> in the legacy shape.</summary>
public sealed record ScalekitClientSnapshot(
    string Id,
    IReadOnlyList<string> LoginUris,
    string DefaultRedirectUri,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> BackChannelLogoutUris,
    string InitiateLoginUri,
    string Name);

public sealed record ScalekitOrganizationSnapshot(
    string Id,
    string DisplayName,
    string? ExternalId,
    IReadOnlyDictionary<string, string> Metadata,
    string? Slug,
    IReadOnlyDictionary<string, bool> Features);

public sealed record ScalekitDomainSnapshot(string Id, string OrganizationId, string Domain, string DomainType, string VerificationStatus);

/// <summary>Everything the Scalekit emulator remembers: the environment client, organizations, their domains and SSO connections.</summary>
public sealed class ScalekitState : LockedState
{
    private readonly SeedCredentials _seeds;

    internal ScalekitState(SeedCredentials seeds)
    {
        _seeds = seeds;
        EnvironmentId = "env_" + RandomId.Digits(17);
        Client = NewClient();
    }

    internal string EnvironmentId { get; }

    internal EnvironmentClient Client { get; private set; }

    internal bool LegacyRedirectUris { get; set; }

    /// <summary>The proto's "Maximum of 5 URIs allowed"; a test may lower it to see how a stricter deployment's refusal is met.</summary>
    internal int MaxLoginUris { get; set; } = DefaultMaxLoginUris;

    internal const int DefaultMaxLoginUris = 5;

    internal string? IssuerOverride { get; set; }

    /// <summary>Organizations by id, in creation order (kept across removals, unlike a Dictionary's).</summary>
    internal OrderedDictionary<string, Organization> Organizations { get; } = new(StringComparer.Ordinal);

    /// <summary>Domains of every organization by id, in creation order.</summary>
    internal OrderedDictionary<string, OrganizationDomain> Domains { get; } = new(StringComparer.Ordinal);

    /// <summary>SSO connections of every organization by id, in creation order.</summary>
    internal OrderedDictionary<string, SsoConnection> SsoConnections { get; } = new(StringComparer.Ordinal);

    public bool LegacyRedirectUrisShape => Locked(() => LegacyRedirectUris);

    public ScalekitClientSnapshot EnvironmentClient() => Locked(() => new ScalekitClientSnapshot(
        Client.Id, [.. Client.LoginUris], Client.DefaultRedirectUri, [.. Client.PostLogoutRedirectUris],
        [.. Client.BackChannelLogoutUris], Client.InitiateLoginUri, Client.Name));

    public IReadOnlyList<ScalekitOrganizationSnapshot> OrganizationList() => Locked(() => Organizations.Values
        .Select(o => new ScalekitOrganizationSnapshot(o.Id, o.DisplayName, o.ExternalId, new Dictionary<string, string>(o.Metadata), o.Slug,
            o.Features.ToDictionary(f => f.Key, f => f.Value)))
        .ToList());

    public IReadOnlyList<ScalekitDomainSnapshot> DomainList() => Locked(() => Domains.Values
        .Select(d => new ScalekitDomainSnapshot(d.Id, d.OrganizationId, d.Name, d.DomainType, d.VerificationStatus))
        .ToList());

    internal void Reset() => Locked(() =>
    {
        Client = NewClient();
        LegacyRedirectUris = false;
        MaxLoginUris = DefaultMaxLoginUris;
        IssuerOverride = null;
        Organizations.Clear();
        Domains.Clear();
        SsoConnections.Clear();
    });

    /// <summary>The organization whose ORGANIZATION_DOMAIN this is (the one Scalekit routes logins on), if any. Call with the lock held.</summary>
    internal Organization? OwnerOfDomain(string domain)
    {
        var owned = Domains.Values.FirstOrDefault(d => d.DomainType == "ORGANIZATION_DOMAIN" && string.Equals(d.Name, domain, StringComparison.OrdinalIgnoreCase));
        return owned is null ? null : Organizations.GetValueOrDefault(owned.OrganizationId);
    }

    /// <summary>A fresh id with the given prefix and 17 digits, as Scalekit's are, unused so far.</summary>
    internal string NewId(string prefix)
    {
        while (true)
        {
            var id = prefix + RandomId.Digits(17);
            if (!Organizations.ContainsKey(id) && !Domains.ContainsKey(id) && !SsoConnections.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private EnvironmentClient NewClient()
    {
        var created = ScalekitWire.NowToMillisecond();
        return new EnvironmentClient
        {
            Id = _seeds.ScalekitClientId,
            CreateTime = created,
            UpdateTime = created,
            Secret = new ClientSecret
            {
                Id = "sks_" + RandomId.Digits(17),
                CreateTime = created,
                Suffix = _seeds.ScalekitClientSecret[^4..],
                CreatedBy = "usr_" + RandomId.Digits(17),
            },
        };
    }
}

/// <summary>The environment's API client: the one whose allowed callback URIs Auth0's callback must be in.</summary>
internal sealed class EnvironmentClient
{
    public required string Id { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
    public required ClientSecret Secret { get; init; }
    public List<string> LoginUris { get; set; } = [];
    public string DefaultRedirectUri { get; set; } = "";
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> BackChannelLogoutUris { get; set; } = [];
    public string InitiateLoginUri { get; set; } = "";
    public string Name { get; set; } = "";
    public long AccessTokenExpiry { get; set; } = 86400;
    public List<string> Scopes { get; set; } = [];
    public List<string> GrantTypes { get; set; } = ["client_credentials"];
    public System.Text.Json.Nodes.JsonArray CustomClaims { get; set; } = [];
    public bool? DisallowScalekitApiAccess { get; set; }
    public bool? EnforcePkce { get; set; }
}

internal sealed class ClientSecret
{
    public required string Id { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Suffix { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? LastUsedTime { get; set; }
}

internal sealed class Organization
{
    public required string Id { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
    public required string DisplayName { get; set; }
    public string RegionCode { get; init; } = "US";
    public string? ExternalId { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = new(StringComparer.Ordinal);
    public string? Slug { get; set; }
    public string? LogoUrl { get; set; }

    /// <summary>Feature toggles by name, in the order they were first set.</summary>
    public List<KeyValuePair<string, bool>> Features { get; } = [new("sso", true), new("dir_sync", false)];
}

internal sealed class OrganizationDomain
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public required string DomainType { get; init; }
    public required string VerificationStatus { get; init; }
    public required string VerificationMethod { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required DateTimeOffset UpdateTime { get; init; }
}

/// <summary>An organization's connection to its identity provider; only a completed, enabled one receives logins.</summary>
internal sealed class SsoConnection
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Provider { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required bool Enabled { get; init; }
    public required string IdentityProviderUrl { get; init; }
    public bool Active => Enabled && Status == "COMPLETED";
}
