using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// <c>/api/v2/custom-domains</c>: list, read (one, or the tenant's default), create and delete. A
/// created domain waits for verification, which the sandbox does not emulate; the control route
/// <see cref="AddInState"/> makes one in any state.
/// </summary>
internal sealed class CustomDomainEndpoints(Auth0State state, SandboxContext sandbox) : IEndpoints
{
    private static readonly HashSet<string> CustomDomainKeys = new(StringComparer.Ordinal)
    {
        "domain", "type", "verification_method", "tls_policy", "custom_client_ip_header", "domain_metadata", "relying_party_identifier",
    };

    private static readonly string[] CustomDomainStatuses = ["pending_verification", "ready", "failed"];

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/custom-domains", List).RequireScope(Auth0Scopes.ReadCustomDomains);
        routes.MapGet("/custom-domains/{id}", Get).RequireScope(Auth0Scopes.ReadCustomDomains);
        routes.MapGet("/custom-domains/default", GetDefault).RequireScope(Auth0Scopes.ReadCustomDomains);
        routes.MapPost("/custom-domains", CreateAsync).RequireScope(Auth0Scopes.CreateCustomDomains);
        routes.MapDelete("/custom-domains/{id}", Delete).RequireScope(Auth0Scopes.DeleteCustomDomains);
    }

    /// <summary>
    /// A bare array as recorded, or <c>{custom_domains,next?}</c> with take. Sorted by domain, as the
    /// recorded tenant lists them; <c>q</c> takes <c>field:value</c> terms with a trailing <c>*</c>.
    /// </summary>
    private IResult List(HttpRequest request)
    {
        var take = Auth0Wire.QueryInt(request, "take", 1, 100);
        var after = take is not null ? Auth0Wire.FromCursor(request) : null;
        var matches = QueryFilter(Auth0Wire.Query(request, "q"));
        var select = Auth0Wire.FieldSelection(request, ["custom_domain_id"]);
        return state.Locked(() =>
        {
            var all = state.CustomDomains.Values
                .Select(d => d.Render(withCertificate: d.Fields["status"]?.GetValue<string>() == "ready"))
                .Where(matches)
                .OrderBy(d => d["domain"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            if (take is not int size)
            {
                return JsonBody.Answer(JsonBody.Array(all, select));
            }
            var (page, next) = Auth0Wire.Checkpoint(all, d => d["domain"]!.GetValue<string>(), after, size);
            return Auth0Wire.CheckpointAnswer("custom_domains", JsonBody.Array(page, select), next);
        });
    }

    private static Func<JsonObject, bool> QueryFilter(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return _ => true;
        }
        var terms = new List<(string Field, Regex Pattern)>();
        foreach (var term in q.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = term.IndexOf(':');
            if (colon <= 0)
            {
                throw Auth0Wire.InvalidQuery($"Query validation error: the sandbox understands only field:value terms in q ({term}).");
            }
            var pattern = "^" + Regex.Escape(term[(colon + 1)..]).Replace("\\*", ".*") + "$";
            terms.Add((term[..colon], new Regex(pattern, RegexOptions.IgnoreCase)));
        }
        return d => terms.All(t => d[t.Field] is JsonValue v && t.Pattern.IsMatch(v.ToString()));
    }

    private IResult Get(string id)
    {
        return state.Locked(() =>
        {
            return JsonBody.Answer(state.FindCustomDomain(id).Render(withCertificate: true));
        });
    }

    /// <summary>The default custom domain in full, or just the canonical domain when none is the default (both recorded).</summary>
    private IResult GetDefault()
    {
        return state.Locked(() =>
        {
            return state.CustomDomains.Values.FirstOrDefault(d => d.IsDefault) is { } chosen
                ? JsonBody.Answer(chosen.Render(withCertificate: true))
                : JsonBody.Answer(new JsonObject { ["domain"] = new Uri(sandbox.Auth0Url).Authority });
        });
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var body = await Auth0Wire.ReadObjectAsync(request);
        var unknown = body.Select(p => p.Key).Where(k => !CustomDomainKeys.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw Auth0Wire.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', unknown)}'.");
        }
        return JsonBody.Answer(AddCustomDomain(body, "pending_verification").Render(withCertificate: false), 201);
    }

    /// <summary>The control route: a custom domain in a chosen state (ready unless told), optionally primary or the tenant's default.</summary>
    public JsonObject AddInState(JsonObject body)
    {
        var status = body["status"]?.GetValue<string>() ?? "ready";
        if (!CustomDomainStatuses.Contains(status))
        {
            throw Auth0Wire.InvalidBody($"status must be one of {string.Join(", ", CustomDomainStatuses)}");
        }
        var request = new JsonObject(body.Where(p => CustomDomainKeys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        request["type"] ??= "auth0_managed_certs";
        return state.Locked(() =>
        {
            var domain = AddCustomDomain(request, status);
            if (body["primary"] is JsonValue primary)
            {
                domain.Fields["primary"] = primary.GetValue<bool>();
            }
            if (body["is_default"]?.GetValue<bool>() == true)
            {
                foreach (var other in state.CustomDomains.Values)
                {
                    other.IsDefault = other == domain;
                }
            }
            return domain.Render(withCertificate: true);
        });
    }

    private StoredCustomDomain AddCustomDomain(JsonObject body, string status)
    {
        if (!body["domain"].IsString())
        {
            throw Auth0Wire.InvalidBody("Payload validation error: 'Missing required property: domain'.");
        }
        var type = body["type"].IsString() ? body["type"]!.GetValue<string>() : null;
        if (type is not ("auth0_managed_certs" or "self_managed_certs"))
        {
            throw Auth0Wire.InvalidBody(type is null
                ? "Payload validation error: 'Missing required property: type'."
                : $"Payload validation error: 'No enum match for: \"{type}\"' on property type.");
        }
        var name = body["domain"]!.GetValue<string>().ToLowerInvariant();
        var id = "cd_" + RandomId.Alphanumeric(16);
        var managed = type == "auth0_managed_certs";
        return state.Locked(() =>
        {
            if (state.CustomDomains.Values.Any(d => d.Domain == name))
            {
                throw Auth0Wire.Error(409, "The custom domain already exists", "custom_domain_conflict");
            }
            // Recorded: the tenant's first custom domain is its primary one.
            var fields = new JsonObject
            {
                ["primary"] = state.CustomDomains.Count == 0,
                ["is_default"] = false,
                ["status"] = status,
                ["type"] = type,
                ["verification"] = new JsonObject
                {
                    ["methods"] = new JsonArray(managed
                        ? new JsonObject
                        {
                            ["name"] = "CNAME",
                            ["record"] = $"{new Uri(sandbox.Auth0Url).Host}-{id.Replace('_', '-').ToLowerInvariant()}.edge.tenants.sandbox",
                            ["domain"] = name,
                        }
                        : new JsonObject { ["name"] = "TXT", ["record"] = Guid.NewGuid().ToString(), ["domain"] = "_cf-custom-hostname." + name }),
                },
            };
            if (body.ContainsKey("custom_client_ip_header") || !managed)
            {
                fields["custom_client_ip_header"] = body["custom_client_ip_header"]?.DeepClone();
            }
            if (managed)
            {
                fields["tls_policy"] = body["tls_policy"]?.DeepClone() ?? "recommended";
            }
            foreach (var key in new[] { "domain_metadata", "relying_party_identifier" })
            {
                if (body.ContainsKey(key))
                {
                    fields[key] = body[key]?.DeepClone();
                }
            }
            if (managed)
            {
                fields["certificate"] = status switch
                {
                    "ready" => new JsonObject
                    {
                        ["certificate_authority"] = "letsencrypt",
                        ["renews_before"] = Auth0Wire.Timestamp(DateTimeOffset.UtcNow.AddDays(60)),
                        ["status"] = "provisioned",
                    },
                    _ => new JsonObject { ["certificate_authority"] = "letsencrypt" },
                };
            }
            fields["created_at"] = Auth0Wire.Timestamp(DateTimeOffset.UtcNow);
            var domain = new StoredCustomDomain { Id = id, Domain = name, Fields = fields };
            state.CustomDomains[id] = domain;
            return domain;
        });
    }

    private IResult Delete(string id)
    {
        return state.Locked(() =>
        {
            state.FindCustomDomain(id);
            state.CustomDomains.Remove(id);
            return Results.NoContent();
        });
    }
}
