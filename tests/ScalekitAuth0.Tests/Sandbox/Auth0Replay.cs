using ScalekitAuth0.Tests.Support;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using ScalekitAuth0.Tests.Fixtures;
using ScalekitAuth0.Tests.Sandbox.Auth0;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>
/// Replays one recorded Auth0 cassette against the sandbox, in order, and checks that each answer
/// has the recorded status and the recorded set of top-level keys (for lists, each element's keys).
/// Recorded ids are mapped to the ones the sandbox hands out; objects a cassette uses but never
/// creates (the recorded tenant already had them) are made first, from the recorded answers.
/// </summary>
internal sealed partial class Auth0Replay(Auth0SandboxFixture sandbox, Cassette cassette)
{
    // Interactions that are not replayed. Each is counted under one of these reasons.

    /// <summary>The sandbox emulates oidc and okta connections only; upstream tests also create auth0 (database) and google-apps ones.</summary>
    public const string SkipUnemulatedCreate =
        "POST of an auth0/google-apps connection (not emulated); a stand-in oidc connection of the same name takes its id so the calls after it still replay";

    /// <summary>A PATCH on such a stand-in carries options of the unemulated strategy, which oidc validation rightly refuses.</summary>
    public const string SkipStandInUpdate = "PATCH of a stand-in connection (its body holds another strategy's options)";

    // Differences that are accepted, each counted under one of these reasons.

    public const string TolerateAddedLater =
        "connection key Auth0 answers only in newer recordings (authentication/connected_accounts from late 2025; display_name on okta from mid-2025)";

    public const string TolerateCustomDomainAddedLater = "custom domain is_default, which the Oct 2025 terraform recording predates";

    public const string TolerateStandInShape =
        "stand-in answers as oidc (display_name/show_as_button) where the recorded database/google-apps connection had no such key (or had provisioning_ticket_url)";

    public const string TolerateRepeatDelete =
        "repeat DELETE answered 204 where the recording caught Auth0 still deleting (202, same deleted_at)";

    public const string TolerateMissingNext =
        "no next cursor on a page whose recorded twin also held the recorded tenant's other objects, so it had more pages";

    public const string TolerateForeignElements = "listed objects the recorded tenant had and the cassette never made (not compared)";

    private static readonly HashSet<string> ConnectionKeysAddedLater = ["authentication", "connected_accounts", "display_name"];
    private static readonly HashSet<string> StandInExtraKeys = ["display_name", "show_as_button"];
    private static readonly HashSet<string> StandInMissingKeys = ["provisioning_ticket_url"];
    private static readonly string[] ListKeys = ["connections", "clients", "custom_domains"];

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _standIns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cursors = new(StringComparer.Ordinal);
    private string _token = "";
    private (string Id, string Secret) _tokenClient;

    public int Replayed { get; private set; }

    public Dictionary<string, int> Skipped { get; } = new();

    public Dictionary<string, int> Tolerated { get; } = new();

    public List<string> Failures { get; } = new();

    [GeneratedRegex("(con_[A-Za-z0-9]{16})|(cd_[A-Za-z0-9]{16})|/clients/([A-Za-z0-9]{32})")]
    private static partial Regex PathIds();

    public async Task RunAsync()
    {
        await sandbox.ResetAsync();
        _token = await sandbox.TokenAsync(Auth0SandboxFixture.AllScopes);
        // The recorded token call names a client with no grant on the audience (its answer has no scope).
        _tokenClient = await sandbox.CreateM2MClientAsync();
        foreach (var exchange in cassette.Exchanges)
        {
            await ReplayAsync(exchange);
        }
    }

    public string Summary() =>
        $"{cassette.Name}: {cassette.Exchanges.Count} recorded, {Replayed} replayed, {Skipped.Values.Sum()} skipped"
        + string.Concat(Skipped.Select(s => $"\n  skipped {s.Value}: {s.Key}"))
        + string.Concat(Tolerated.Select(t => $"\n  tolerated {t.Value}: {t.Key}"));

    private async Task ReplayAsync(RecordedExchange exchange)
    {
        var recorded = exchange.Request;
        var path = recorded.Path;
        var where = $"#{exchange.Source.Interaction} {recorded.Method} {path}{(recorded.Query.Length > 0 ? "?" + recorded.Query : "")}";
        await EnsureReferencedObjectsAsync(exchange, path);

        if (recorded.Method == "POST" && path == "/api/v2/connections"
            && JsonNode.Parse(recorded.Body)?["strategy"]?.GetValue<string>() is not ("oidc" or "okta"))
        {
            var standIn = await CreateStandInAsync(JsonNode.Parse(recorded.Body)!.AsObject());
            _ids[JsonNode.Parse(exchange.Response.Body)!["id"]!.GetValue<string>()] = standIn;
            Count(Skipped, SkipUnemulatedCreate);
            return;
        }
        if (recorded.Method == "PATCH" && Regex.IsMatch(path, "^/api/v2/connections/[^/]+$") && _standIns.Contains(Map(path.Split('/')[^1])))
        {
            Count(Skipped, SkipStandInUpdate);
            return;
        }

        var answer = await SendAsync(recorded);
        Replayed++;
        var expected = exchange.Response.Status;
        if (recorded.Method == "DELETE" && expected == 202 && _deleted.Contains(path) && answer.Status == 204)
        {
            Count(Tolerated, TolerateRepeatDelete);
            return;
        }
        if (answer.Status != expected)
        {
            Failures.Add($"{where}: status {answer.Status}, recorded {expected}; body {Short(answer.Text)}");
            return;
        }
        if (recorded.Method == "DELETE")
        {
            _deleted.Add(path);
        }
        CompareBodies(exchange.Response.Body, answer, where);
        Learn(recorded.Method, exchange.Response.Body, answer);
    }

    private async Task<Answer> SendAsync(RecordedRequest recorded)
    {
        var query = QueryHelpers.ParseQuery(recorded.Query)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Key == "from" ? MapCursor(p.Value.ToString()) : Map(p.Value.ToString()))}");
        var target = sandbox.Auth0Url + Map(recorded.Path) + (recorded.Query.Length > 0 ? "?" + string.Join('&', query) : "");
        using var request = new HttpRequestMessage(new HttpMethod(recorded.Method), target);
        if (recorded.Path.StartsWith("/api/v2/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
        if (recorded.Body.Length > 0)
        {
            var contentType = recorded.ContentType ?? "application/json";
            var body = recorded.Path == "/oauth/token" ? TokenForm(recorded.Body) : Map(recorded.Body);
            request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType).MediaType!);
        }
        return await Answer.FromAsync(await sandbox.Http.SendAsync(request));
    }

    /// <summary>The recorded credentials and audience are the upstream test's own; ours take their place, field by field.</summary>
    private string TokenForm(string body) => string.Join('&', QueryHelpers.ParseQuery(body).Select(p =>
    {
        var value = p.Key switch
        {
            "client_id" => _tokenClient.Id,
            "client_secret" => _tokenClient.Secret,
            "audience" => sandbox.Audience,
            _ => p.Value.ToString(),
        };
        return $"{p.Key}={Uri.EscapeDataString(value)}";
    }));

    private void CompareBodies(string recordedText, Answer answer, string where)
    {
        if (recordedText.Length == 0)
        {
            if (answer.Text.Length > 0)
            {
                Failures.Add($"{where}: recorded an empty body, got {Short(answer.Text)}");
            }
            return;
        }
        var recorded = JsonNode.Parse(recordedText);
        switch (recorded, answer.Body)
        {
            case (JsonArray recordedList, JsonArray list):
                CompareList(recordedList, list, where);
                break;
            case (JsonObject recordedObject, JsonObject obj):
                CompareObject(recordedObject, obj, where);
                foreach (var key in ListKeys)
                {
                    if (recordedObject[key] is JsonArray recordedList && obj[key] is JsonArray list)
                    {
                        CompareList(recordedList, list, $"{where} .{key}");
                    }
                }
                break;
            default:
                Failures.Add($"{where}: recorded {recordedText}, got {Short(answer.Text)}");
                break;
        }
    }

    private void CompareObject(JsonObject recorded, JsonObject actual, string where)
    {
        var isConnection = recorded.ContainsKey("strategy") || (ElementId(recorded)?.StartsWith("con_", StringComparison.Ordinal) ?? false);
        var isStandIn = isConnection && ElementId(actual) is { } id && _standIns.Contains(id);
        foreach (var key in recorded.Select(p => p.Key).Where(k => !actual.ContainsKey(k)))
        {
            if (isStandIn && StandInMissingKeys.Contains(key))
            {
                Count(Tolerated, TolerateStandInShape);
            }
            else if (key == "next" && HoldsForeignElements(recorded))
            {
                Count(Tolerated, TolerateMissingNext);
            }
            else
            {
                Failures.Add($"{where}: key '{key}' missing; got keys {string.Join(',', actual.Select(p => p.Key))}");
            }
        }
        foreach (var key in actual.Select(p => p.Key).Where(k => !recorded.ContainsKey(k)))
        {
            if (isStandIn && StandInExtraKeys.Contains(key))
            {
                Count(Tolerated, TolerateStandInShape);
            }
            else if (isConnection && ConnectionKeysAddedLater.Contains(key))
            {
                Count(Tolerated, TolerateAddedLater);
            }
            else if (recorded.ContainsKey("custom_domain_id") && key == "is_default")
            {
                Count(Tolerated, TolerateCustomDomainAddedLater);
            }
            else
            {
                Failures.Add($"{where}: unexpected key '{key}'; recorded keys {string.Join(',', recorded.Select(p => p.Key))}");
            }
        }
    }

    /// <summary>
    /// Elements are paired by (mapped) id. Elements the recorded tenant had beyond this cassette's own
    /// are not compared; every element this replay made must be in the recorded list and vice versa.
    /// </summary>
    private void CompareList(JsonArray recorded, JsonArray actual, string where)
    {
        if (recorded.Count == 0)
        {
            if (actual.Count > 0)
            {
                Failures.Add($"{where}: recorded an empty list, got {Short(actual.ToJsonString())}");
            }
            return;
        }
        var mine = _ids.Values.ToHashSet(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < recorded.Count; i++)
        {
            var element = recorded[i]!.AsObject();
            if (ElementId(element) is not { } recordedId)
            {
                if (i < actual.Count)
                {
                    CompareObject(element, actual[i]!.AsObject(), $"{where}[{i}]");
                }
                else
                {
                    Failures.Add($"{where}: element {i} missing");
                }
            }
            else if (_ids.TryGetValue(recordedId, out var id))
            {
                expected.Add(id);
                if (actual.OfType<JsonObject>().FirstOrDefault(e => ElementId(e) == id) is { } match)
                {
                    CompareObject(element, match, $"{where}[{id}]");
                }
                else
                {
                    Failures.Add($"{where}: element {id} (recorded {recordedId}) missing from {Short(actual.ToJsonString())}");
                }
            }
            else
            {
                Count(Tolerated, TolerateForeignElements);
            }
        }
        foreach (var id in actual.OfType<JsonObject>().Select(ElementId).Where(id => id is not null && mine.Contains(id) && !expected.Contains(id)))
        {
            Failures.Add($"{where}: element {id} listed but not in the recording");
        }
    }

    /// <summary>After an answer: the ids a create handed out, and the checkpoint cursor, stand in for the recorded ones from now on.</summary>
    private void Learn(string method, string recordedText, Answer answer)
    {
        if (recordedText.Length == 0 || JsonNode.Parse(recordedText) is not JsonObject recorded || answer.Body is not JsonObject actual)
        {
            return;
        }
        if (method == "POST" && ElementId(recorded) is { } recordedId && ElementId(actual) is { } id)
        {
            _ids[recordedId] = id;
        }
        if (recorded["next"] is JsonValue recordedNext && actual["next"] is JsonValue next)
        {
            _cursors[recordedNext.GetValue<string>()] = next.GetValue<string>();
        }
    }

    /// <summary>Makes what an interaction names but the cassette never created (the recorded tenant already had it).</summary>
    private async Task EnsureReferencedObjectsAsync(RecordedExchange exchange, string path)
    {
        var recorded = exchange.Request;
        var names = PathIds().Matches(path).Select(m => m.Value.StartsWith("/clients/", StringComparison.Ordinal) ? m.Groups[3].Value : m.Value).ToList();
        if (recorded.Body.Length > 0 && path.StartsWith("/api/v2/connections", StringComparison.Ordinal))
        {
            names.AddRange(ClientIdsIn(JsonNode.Parse(recorded.Body)));
        }
        foreach (var name in names.Where(n => !_ids.ContainsKey(n)))
        {
            await PreCreateAsync(name);
        }
        if (path == "/api/v2/custom-domains/default" && JsonNode.Parse(exchange.Response.Body) is JsonObject chosen
            && ElementId(chosen) is { } domainId && !_ids.ContainsKey(domainId))
        {
            var control = new JsonObject(chosen.Where(p => p.Key is "domain" or "type" or "status" or "primary" or "tls_policy" or "domain_metadata")
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
            {
                ["is_default"] = true,
            };
            var made = await sandbox.Http.PostAsJsonAsync(sandbox.Auth0Url + "/_sandbox/auth0/custom-domains", control);
            _ids[domainId] = (await Answer.FromAsync(made)).Object["custom_domain_id"]!.GetValue<string>();
        }
    }

    private static IEnumerable<string> ClientIdsIn(JsonNode? body) => body switch
    {
        JsonArray items => items.OfType<JsonObject>().Select(i => i["client_id"]?.GetValue<string>()).OfType<string>(),
        JsonObject o when o["enabled_clients"] is JsonArray enabled => enabled.Select(c => c!.GetValue<string>()),
        _ => [],
    };

    private async Task PreCreateAsync(string recordedId)
    {
        var path = recordedId.StartsWith("con_", StringComparison.Ordinal) ? "/api/v2/connections/" + recordedId
            : recordedId.StartsWith("cd_", StringComparison.Ordinal) ? "/api/v2/custom-domains/" + recordedId
            : "/api/v2/clients/" + recordedId;
        var source = cassette.Exchanges.FirstOrDefault(e =>
            e.Request.Method == "GET" && e.Request.Path == path && e.Response.Status == 200 && e.Request.Query.Length == 0)
            ?? throw new InvalidOperationException($"{cassette.Name} uses {recordedId} without creating or reading it");
        var recorded = JsonNode.Parse(source.Response.Body)!.AsObject();
        if (recordedId.StartsWith("con_", StringComparison.Ordinal))
        {
            foreach (var client in ClientIdsIn(recorded).Where(c => !_ids.ContainsKey(c)))
            {
                await PreCreateAsync(client);
            }
            _ids[recordedId] = await CreateStandInAsync(recorded);
        }
        else if (recordedId.StartsWith("cd_", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{cassette.Name}: pre-existing custom domain {recordedId} is not supported");
        }
        else
        {
            var body = new JsonObject(recorded.Where(p => p.Key is not ("client_id" or "client_secret" or "signing_keys"))
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            var made = await sandbox.SendAsync(HttpMethod.Post, "/api/v2/clients", _token, body);
            _ids[recordedId] = made.Object["client_id"]!.GetValue<string>();
        }
    }

    /// <summary>An oidc connection named as the recorded one, with its enabled clients, standing in for a strategy the sandbox does not emulate.</summary>
    private async Task<string> CreateStandInAsync(JsonObject recorded)
    {
        var body = Auth0TestBase.OidcConnection(recorded["name"]!.GetValue<string>());
        body["enabled_clients"] = new JsonArray(ClientIdsIn(recorded).Select(c => (JsonNode?)Map(c)).ToArray());
        var made = await sandbox.SendAsync(HttpMethod.Post, "/api/v2/connections", _token, body);
        var id = made.Status == 201 ? made.Object["id"]!.GetValue<string>() : throw new InvalidOperationException($"stand-in refused: {made.Text}");
        _standIns.Add(id);
        return id;
    }

    private bool HoldsForeignElements(JsonObject recorded) =>
        ListKeys.Any(k => recorded[k] is JsonArray list && list.OfType<JsonObject>().Any(e => ElementId(e) is { } id && !_ids.ContainsKey(id)));

    private static string? ElementId(JsonObject element) =>
        (element["custom_domain_id"] ?? element["id"] ?? element["client_id"]) is JsonValue v ? v.ToString() : null;

    private string Map(string text) => _ids.Aggregate(text, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private string MapCursor(string recorded) =>
        _cursors.TryGetValue(recorded, out var cursor) ? cursor : throw new InvalidOperationException($"no sandbox cursor for recorded {recorded}");

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
