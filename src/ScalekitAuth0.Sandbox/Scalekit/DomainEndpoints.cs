using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Sandbox.Scalekit.Rules;

namespace ScalekitAuth0.Sandbox.Scalekit;

/// <summary>
/// <c>/api/v1/organizations/{organization_id}/domains</c>. A domain belongs to at most one
/// organization in the environment: adding one that any organization already has is a 400, the
/// documented "domain already exists". Domains created through the API are admin-verified at once.
/// </summary>
internal sealed class DomainEndpoints(ScalekitState state, OrganizationEndpoints organizations) : IEndpoints
{
    private const int DefaultPageSize = 30;
    private const int MaxPageSize = 100;
    private const string OrganizationDomain = "ORGANIZATION_DOMAIN";
    private const string AllowedEmailDomain = "ALLOWED_EMAIL_DOMAIN";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/organizations/{organization_id}/domains", async (string organization_id, HttpRequest request) =>
        {
            var fields = ScalekitWire.Fields(await ScalekitWire.ReadObjectAsync(request), ["domain", "domain_type"]);
            return state.Locked(() => ScalekitWire.Wrapped("domain", Serialize(Create(organizations.Find(organization_id), fields))));
        });
        routes.MapGet("/organizations/{organization_id}/domains", (string organization_id, HttpRequest request) =>
            state.Locked(() => List(organizations.Find(organization_id), request)));
        routes.MapGet("/organizations/{organization_id}/domains/{id}", (string organization_id, string id) =>
            state.Locked(() => ScalekitWire.Wrapped("domain", Serialize(Find(organization_id, id)))));
        routes.MapDelete("/organizations/{organization_id}/domains/{id}", (string organization_id, string id) => state.Locked(() =>
        {
            state.Domains.Remove(Find(organization_id, id).Id);
            return JsonBody.Answer(new JsonObject());
        }));
    }

    private OrganizationDomain Find(string organizationId, string id)
    {
        var organization = organizations.Find(organizationId);
        return state.Domains.TryGetValue(id, out var domain) && domain.OrganizationId == organization.Id
            ? domain
            : throw ScalekitWire.NotFound("domain not found");
    }

    private OrganizationDomain Create(Organization organization, Dictionary<string, JsonNode?> fields)
    {
        var name = (ScalekitWire.String(fields, "domain") ?? "").ToLowerInvariant();
        var type = ScalekitWire.String(fields, "domain_type") ?? OrganizationDomain;
        if (type is not (OrganizationDomain or AllowedEmailDomain))
        {
            throw ScalekitWire.Undecodable($"proto: invalid value for enum field domain_type: \"{type}\"");
        }
        DomainRules.ValidateName(state, name);
        var created = ScalekitWire.NowToMillisecond();
        var domain = new OrganizationDomain
        {
            Id = state.NewId("dom_"),
            OrganizationId = organization.Id,
            Name = name,
            DomainType = type,
            VerificationStatus = "AUTO_VERIFIED",
            VerificationMethod = type == OrganizationDomain ? "ADMIN" : "NOT_APPLICABLE",
            CreateTime = created,
            UpdateTime = DateTimeOffset.UtcNow,
        };
        state.Domains.Add(domain.Id, domain);
        return domain;
    }

    /// <summary>Oldest first; <c>page_number</c> is 0-based, <c>page_size</c> 30 by default and at most 100; no total and no token.</summary>
    private IResult List(Organization organization, HttpRequest request)
    {
        var pageSize = ScalekitWire.QueryInt(request, "page_size") ?? 0;
        var pageNumber = ScalekitWire.QueryInt(request, "page_number") ?? 0;
        if (pageSize < 0 || pageNumber < 0)
        {
            throw ScalekitWire.Invalid("invalid page_size or page_number: must not be negative");
        }
        pageSize = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var type = request.Query["domain_type"].ToString();
        var matching = state.Domains.Values.Where(d => d.OrganizationId == organization.Id && (type.Length == 0 || d.DomainType == type));
        var page = Paging.Offset(matching, pageNumber, pageSize).Select(d => (JsonNode?)Serialize(d)).ToArray();
        return JsonBody.Answer(new JsonObject
        {
            ["domains"] = new JsonArray(page),
            ["page_number"] = pageNumber,
            ["page_size"] = page.Length,
        });
    }

    private JsonObject Serialize(OrganizationDomain domain) => new()
    {
        ["id"] = domain.Id,
        ["domain"] = domain.Name,
        ["environment_id"] = state.EnvironmentId,
        ["organization_id"] = domain.OrganizationId,
        ["domain_type"] = domain.DomainType,
        ["verification_status"] = domain.VerificationStatus,
        ["verification_method"] = domain.VerificationMethod,
        ["create_time"] = ScalekitWire.Timestamp(domain.CreateTime),
        ["update_time"] = ScalekitWire.Timestamp(domain.UpdateTime),
    };
}
