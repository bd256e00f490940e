using System.Globalization;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Sandbox.Scalekit.Rules;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// <c>/api/v1/organizations</c>: create, get (by id and by external id), list, update, delete, the
/// settings toggles and Admin Portal links. Bodies and shapes follow the Postman captures: create
/// answers 200 and, like list items, without <c>settings</c>; get and update include them.
/// </summary>
internal sealed class OrganizationEndpoints(ScalekitState state, SandboxContext sandbox) : IEndpoints
{
    private const string OneofMessage = "field already set for oneof \"identities\"";
    private const int DefaultPageSize = 10;
    private const int MinPageSize = 10;
    private const int MaxPageSize = 100;

    private static readonly string[] CreateFields = ["display_name", "external_id", "metadata", "slug", "logo_url", "region_code"];
    private static readonly string[] UpdateFields = ["display_name", "external_id", "metadata", "slug", "logo_url"];
    private static readonly string[] PortalFeatures = ["sso", "dir_sync"];

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/organizations", async (HttpRequest request) =>
        {
            var fields = ScalekitWire.Fields(await ScalekitWire.ReadObjectAsync(request), CreateFields);
            return state.Locked(() => ScalekitWire.Wrapped("organization", Serialize(Create(fields), settings: false)));
        });
        routes.MapGet("/organizations", (HttpRequest request) => state.Locked(() => List(request)));
        routes.MapGet("/organizations/{id}", (string id, HttpRequest request) =>
        {
            if (request.Query.ContainsKey("external_id"))
            {
                throw ScalekitWire.Undecodable(OneofMessage);
            }
            return state.Locked(() => ScalekitWire.Wrapped("organization", Serialize(Find(id), settings: true)));
        });
        routes.MapGet("/organizations:external/{external_id}", (string external_id, HttpRequest request) =>
        {
            if (request.Query.ContainsKey("id"))
            {
                throw ScalekitWire.Undecodable(OneofMessage);
            }
            // Kestrel decodes every escape in the path but %2F, which routing leaves as it came.
            var externalId = external_id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            return state.Locked(() =>
            {
                var organization = state.Organizations.Values.FirstOrDefault(o => o.ExternalId == externalId)
                    ?? throw ScalekitWire.NotFound("organization not found");
                return ScalekitWire.Wrapped("organization", Serialize(organization, settings: true));
            });
        });
        routes.MapPatch("/organizations/{id}", async (string id, HttpRequest request) =>
        {
            var fields = ScalekitWire.Fields(await ScalekitWire.ReadObjectAsync(request), UpdateFields);
            return state.Locked(() => ScalekitWire.Wrapped("organization", Serialize(Update(Find(id), fields), settings: true)));
        });
        routes.MapDelete("/organizations/{id}", (string id) => state.Locked(() =>
        {
            var organization = Find(id);
            state.Organizations.Remove(organization.Id);
            foreach (var domain in state.Domains.Values.Where(d => d.OrganizationId == organization.Id).ToList())
            {
                state.Domains.Remove(domain.Id);
            }
            foreach (var connection in state.SsoConnections.Values.Where(c => c.OrganizationId == organization.Id).ToList())
            {
                state.SsoConnections.Remove(connection.Id);
            }
            return JsonBody.Answer(new JsonObject());
        }));
        routes.MapPatch("/organizations/{id}/settings", async (string id, HttpRequest request) =>
        {
            var features = Features(await ScalekitWire.ReadObjectAsync(request));
            return state.Locked(() =>
            {
                var organization = Find(id);
                foreach (var (name, enabled) in features)
                {
                    var index = organization.Features.FindIndex(f => f.Key == name);
                    if (index < 0)
                    {
                        organization.Features.Add(new(name, enabled));
                    }
                    else
                    {
                        organization.Features[index] = new(name, enabled);
                    }
                }
                organization.UpdateTime = DateTimeOffset.UtcNow;
                return ScalekitWire.Wrapped("organization", Serialize(organization, settings: true));
            });
        });
        routes.MapPut("/organizations/{id}/portal_links", (string id, HttpRequest request) =>
        {
            var unknown = request.Query["features"].FirstOrDefault(f => !PortalFeatures.Contains(f));
            if (unknown is not null)
            {
                throw ScalekitWire.Undecodable($"type mismatch, parameter: features, error: \"{unknown}\" is not a valid Feature");
            }
            state.Locked(() => Find(id));
            var linkId = Guid.NewGuid().ToString();
            return ScalekitWire.Wrapped("link", new JsonObject
            {
                ["id"] = linkId,
                ["location"] = $"{sandbox.ScalekitUrl}/magicLink/{linkId}_pc",
                ["expire_time"] = ScalekitWire.Timestamp(DateTimeOffset.UtcNow.AddMinutes(1)),
            });
        });
    }

    internal Organization Find(string id) =>
        state.Organizations.TryGetValue(id, out var organization) ? organization : throw ScalekitWire.NotFound("organization not found");

    private Organization Create(Dictionary<string, JsonNode?> fields)
    {
        var displayName = ScalekitWire.String(fields, "display_name") ?? "";
        var externalId = NullIfEmpty(ScalekitWire.String(fields, "external_id"));
        var metadata = ScalekitWire.StringMap(fields, "metadata") ?? [];
        var slug = NullIfEmpty(ScalekitWire.String(fields, "slug"));
        var logoUrl = NullIfEmpty(ScalekitWire.String(fields, "logo_url"));
        var region = ScalekitWire.String(fields, "region_code") ?? "US";
        OrganizationRules.ValidateDisplayName(displayName);
        OrganizationRules.ValidateExternalId(state, externalId, null);
        OrganizationRules.ValidateMetadata(metadata);
        OrganizationRules.ValidateSlug(state, slug, null);
        OrganizationRules.ValidateLogoUrl(logoUrl);
        if (region is not ("US" or "EU"))
        {
            throw ScalekitWire.Undecodable($"proto: invalid value for enum field region_code: \"{region}\"");
        }
        var created = ScalekitWire.NowToMillisecond();
        var organization = new Organization
        {
            Id = state.NewId("org_"),
            CreateTime = created,
            UpdateTime = DateTimeOffset.UtcNow,
            DisplayName = displayName,
            RegionCode = region,
            ExternalId = externalId,
            Metadata = metadata,
            Slug = slug,
            LogoUrl = logoUrl,
        };
        state.Organizations.Add(organization.Id, organization);
        return organization;
    }

    /// <summary>Replaces the fields sent and keeps the others; <c>metadata</c> is replaced whole; an empty string clears an optional field.</summary>
    private Organization Update(Organization organization, Dictionary<string, JsonNode?> fields)
    {
        var displayName = ScalekitWire.String(fields, "display_name");
        var externalId = ScalekitWire.String(fields, "external_id");
        var metadata = ScalekitWire.StringMap(fields, "metadata");
        var slug = ScalekitWire.String(fields, "slug");
        var logoUrl = ScalekitWire.String(fields, "logo_url");
        if (displayName is not null)
        {
            OrganizationRules.ValidateDisplayName(displayName);
        }
        OrganizationRules.ValidateExternalId(state, NullIfEmpty(externalId), organization);
        OrganizationRules.ValidateMetadata(metadata ?? []);
        OrganizationRules.ValidateSlug(state, NullIfEmpty(slug), organization);
        OrganizationRules.ValidateLogoUrl(NullIfEmpty(logoUrl));

        organization.DisplayName = displayName ?? organization.DisplayName;
        organization.ExternalId = externalId is null ? organization.ExternalId : NullIfEmpty(externalId);
        organization.Metadata = metadata ?? organization.Metadata;
        organization.Slug = slug is null ? organization.Slug : NullIfEmpty(slug);
        organization.LogoUrl = logoUrl is null ? organization.LogoUrl : NullIfEmpty(logoUrl);
        organization.UpdateTime = DateTimeOffset.UtcNow;
        return organization;
    }

    /// <summary>
    /// Newest first (the 2025 capture's order). <c>page_size</c> is clamped to the documented 10–100
    /// (10 when absent); <c>page_token</c> is the page's number, as the captured <c>"1"</c> suggests;
    /// <c>next_page_token</c> is <c>""</c> on the last page.
    /// </summary>
    private IResult List(HttpRequest request)
    {
        var pageSize = Math.Clamp(ScalekitWire.QueryInt(request, "page_size") is int size and > 0 ? size : DefaultPageSize, MinPageSize, MaxPageSize);
        var token = request.Query["page_token"].ToString();
        var page = 0;
        if (token.Length > 0 && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 0))
        {
            throw ScalekitWire.Invalid("invalid page token");
        }
        var externalId = request.Query["external_id"].ToString();
        var matching = state.Organizations.Values
            .Where(o => externalId.Length == 0 || o.ExternalId == externalId)
            .Reverse()
            .ToList();
        var items = Paging.Offset(matching, page, pageSize).Select(o => (JsonNode?)Serialize(o, settings: false)).ToArray();
        var more = (long)(page + 1) * pageSize < matching.Count;
        return JsonBody.Answer(new JsonObject
        {
            ["next_page_token"] = more ? (page + 1).ToString(CultureInfo.InvariantCulture) : "",
            ["total_size"] = matching.Count,
            ["organizations"] = new JsonArray(items),
            ["prev_page_token"] = page > 0 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "",
        });
    }

    private static List<KeyValuePair<string, bool>> Features(JsonObject body)
    {
        var fields = ScalekitWire.Fields(body, ["features"]);
        if (!fields.TryGetValue("features", out var node) || node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            throw ScalekitWire.Undecodable("proto: field features: expected a JSON array");
        }
        return array.Select(item =>
        {
            var feature = ScalekitWire.Fields(item as JsonObject
                ?? throw ScalekitWire.Undecodable("proto: field features: expected objects"), ["name", "enabled"]);
            var name = ScalekitWire.String(feature, "name");
            if (string.IsNullOrEmpty(name))
            {
                throw ScalekitWire.Invalid("invalid features: every feature needs a name");
            }
            return new KeyValuePair<string, bool>(name, ScalekitWire.Bool(feature, "enabled") ?? false);
        }).ToList();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static JsonObject Serialize(Organization organization, bool settings)
    {
        var json = new JsonObject
        {
            ["id"] = organization.Id,
            ["create_time"] = ScalekitWire.Timestamp(organization.CreateTime),
            ["update_time"] = ScalekitWire.Timestamp(organization.UpdateTime),
            ["display_name"] = organization.DisplayName,
            ["region_code"] = organization.RegionCode,
        };
        if (organization.ExternalId is not null)
        {
            json["external_id"] = organization.ExternalId;
        }
        json["metadata"] = new JsonObject(organization.Metadata.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value)));
        if (organization.Slug is not null)
        {
            json["slug"] = organization.Slug;
        }
        if (organization.LogoUrl is not null)
        {
            json["logo_url"] = organization.LogoUrl;
        }
        if (settings)
        {
            json["settings"] = new JsonObject
            {
                ["features"] = new JsonArray(organization.Features
                    .Select(f => (JsonNode?)new JsonObject { ["name"] = f.Key, ["enabled"] = f.Value }).ToArray()),
            };
        }
        return json;
    }
}
