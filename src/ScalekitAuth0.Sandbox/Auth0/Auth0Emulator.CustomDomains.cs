using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

public sealed partial class Auth0Emulator
{
    private static readonly HashSet<string> CustomDomainKeys = new(StringComparer.Ordinal)
    {
        "domain", "type", "verification_method", "tls_policy", "custom_client_ip_header", "domain_metadata", "relying_party_identifier",
    };

    private static readonly string[] CustomDomainStatuses = ["pending_verification", "ready", "failed"];

    /// <summary>
    /// A bare array as recorded, or <c>{custom_domains,next?}</c> with take. Sorted by domain, as the
    /// recorded tenant lists them; <c>q</c> takes <c>field:value</c> terms with a trailing <c>*</c>.
    /// </summary>
    [Api("GET", "/api/v2/custom-domains", Auth0Scopes.ReadCustomDomains)]
    private IResult ListCustomDomains(Caller caller, HttpContext http)
    {
        var request = http.Request;
        var take = Auth0Http.QueryInt(request, "take", 1, 100);
        var after = take is not null ? Auth0Http.FromCursor(request) : null;
        var matches = QueryFilter(Auth0Http.Query(request, "q"));
        var select = Auth0Http.FieldSelection(request, ["custom_domain_id"]);
        lock (_gate)
        {
            var all = _customDomains.Values
                .Select(d => d.Render(withCertificate: d.Fields["status"]?.GetValue<string>() == "ready"))
                .Where(matches)
                .OrderBy(d => d["domain"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            if (take is not int size)
            {
                return Auth0Http.Json(new JsonArray(all.Select(d => (JsonNode?)select(d)).ToArray()));
            }
            var (page, next) = Auth0Http.Checkpoint(all, d => d["domain"]!.GetValue<string>(), after, size);
            var answer = new JsonObject { ["custom_domains"] = new JsonArray(page.Select(d => (JsonNode?)select(d)).ToArray()) };
            if (next is not null)
            {
                answer["next"] = next;
            }
            return Auth0Http.Json(answer);
        }
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
                throw Auth0Http.InvalidQuery($"Query validation error: the sandbox understands only field:value terms in q ({term}).");
            }
            var pattern = "^" + Regex.Escape(term[(colon + 1)..]).Replace("\\*", ".*") + "$";
            terms.Add((term[..colon], new Regex(pattern, RegexOptions.IgnoreCase)));
        }
        return d => terms.All(t => d[t.Field] is JsonValue v && t.Pattern.IsMatch(v.ToString()));
    }

    [Api("GET", "/api/v2/custom-domains/{id}", Auth0Scopes.ReadCustomDomains)]
    private IResult GetCustomDomain(Caller caller, HttpContext http)
    {
        lock (_gate)
        {
            return Auth0Http.Json(FindCustomDomain(RouteId(http)).Render(withCertificate: true));
        }
    }

    /// <summary>The default custom domain in full, or just the canonical domain when none is the default (both recorded).</summary>
    [Api("GET", "/api/v2/custom-domains/default", Auth0Scopes.ReadCustomDomains)]
    private IResult GetDefaultCustomDomain(Caller caller, HttpContext http)
    {
        lock (_gate)
        {
            return _customDomains.Values.FirstOrDefault(d => d.IsDefault) is { } chosen
                ? Auth0Http.Json(chosen.Render(withCertificate: true))
                : Auth0Http.Json(new JsonObject { ["domain"] = new Uri(Sandbox.Auth0Url).Authority });
        }
    }

    [Api("POST", "/api/v2/custom-domains", Auth0Scopes.CreateCustomDomains)]
    private async Task<IResult> CreateCustomDomainAsync(Caller caller, HttpContext http)
    {
        var body = await Auth0Http.ReadObjectAsync(http.Request);
        var unknown = body.Select(p => p.Key).Where(k => !CustomDomainKeys.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw Auth0Http.InvalidBody($"Payload validation error: 'Additional properties not allowed: {string.Join(',', unknown)}'.");
        }
        return Auth0Http.Json(AddCustomDomain(body, "pending_verification").Render(withCertificate: false), 201);
    }

    /// <summary>The control route: a custom domain in a chosen state (ready unless told), optionally primary or the tenant's default.</summary>
    private JsonObject AddControlCustomDomain(JsonObject body)
    {
        var status = body["status"]?.GetValue<string>() ?? "ready";
        if (!CustomDomainStatuses.Contains(status))
        {
            throw Auth0Http.InvalidBody($"status must be one of {string.Join(", ", CustomDomainStatuses)}");
        }
        var request = new JsonObject(body.Where(p => CustomDomainKeys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        request["type"] ??= "auth0_managed_certs";
        lock (_gate)
        {
            var domain = AddCustomDomain(request, status);
            if (body["primary"] is JsonValue primary)
            {
                domain.Fields["primary"] = primary.GetValue<bool>();
            }
            if (body["is_default"]?.GetValue<bool>() == true)
            {
                foreach (var other in _customDomains.Values)
                {
                    other.IsDefault = other == domain;
                }
            }
            return domain.Render(withCertificate: true);
        }
    }

    private StoredCustomDomain AddCustomDomain(JsonObject body, string status)
    {
        if (!body["domain"].IsString())
        {
            throw Auth0Http.InvalidBody("Payload validation error: 'Missing required property: domain'.");
        }
        var type = body["type"].IsString() ? body["type"]!.GetValue<string>() : null;
        if (type is not ("auth0_managed_certs" or "self_managed_certs"))
        {
            throw Auth0Http.InvalidBody(type is null
                ? "Payload validation error: 'Missing required property: type'."
                : $"Payload validation error: 'No enum match for: \"{type}\"' on property type.");
        }
        var name = body["domain"]!.GetValue<string>().ToLowerInvariant();
        var id = "cd_" + RandomId.Alphanumeric(16);
        var managed = type == "auth0_managed_certs";
        lock (_gate)
        {
            if (_customDomains.Values.Any(d => d.Domain == name))
            {
                throw Auth0Http.Error(409, "The custom domain already exists", "custom_domain_conflict");
            }
            // Recorded: the tenant's first custom domain is its primary one.
            var fields = new JsonObject
            {
                ["primary"] = _customDomains.Count == 0,
                ["is_default"] = false,
                ["status"] = status,
                ["type"] = type,
                ["verification"] = new JsonObject
                {
                    ["methods"] = new JsonArray(managed
                        ? new JsonObject
                        {
                            ["name"] = "CNAME",
                            ["record"] = $"{new Uri(Sandbox.Auth0Url).Host}-{id.Replace('_', '-').ToLowerInvariant()}.edge.tenants.sandbox",
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
                        ["renews_before"] = Auth0Http.Timestamp(DateTimeOffset.UtcNow.AddDays(60)),
                        ["status"] = "provisioned",
                    },
                    _ => new JsonObject { ["certificate_authority"] = "letsencrypt" },
                };
            }
            fields["created_at"] = Auth0Http.Timestamp(DateTimeOffset.UtcNow);
            var domain = new StoredCustomDomain { Id = id, Domain = name, Fields = fields };
            _customDomains[id] = domain;
            return domain;
        }
    }

    [Api("DELETE", "/api/v2/custom-domains/{id}", Auth0Scopes.DeleteCustomDomains)]
    private IResult DeleteCustomDomain(Caller caller, HttpContext http)
    {
        lock (_gate)
        {
            FindCustomDomain(RouteId(http));
            _customDomains.Remove(RouteId(http));
            return Results.NoContent();
        }
    }

    /// <summary>Call with the lock held.</summary>
    private StoredCustomDomain FindCustomDomain(string id) =>
        _customDomains.TryGetValue(id, out var domain)
            ? domain
            : throw Auth0Http.Error(404, $"The custom domain {id} does not exist", "inexistent_custom_domain");
}
