using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScalekitAuth0.Tests.Fixtures;
using ScalekitAuth0.Tests.Sandbox.Scalekit;
using Xunit;
using Xunit.Abstractions;

namespace ScalekitAuth0.Tests.Sandbox;

/// <summary>
/// Replays every saved example of the Scalekit Postman collection whose endpoint the sandbox
/// emulates, and checks the sandbox answers with the captured status and every key the capture
/// has (at the top level and one level into a wrapper such as <c>organization</c>), each with the
/// same JSON kind. Examples of endpoints the sandbox does not emulate are listed with why.
/// </summary>
public sealed class ScalekitCaptureReplayTests(ScalekitSandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<ScalekitSandboxFixture>
{
    private const string OrgPath = @"/api/v1/organizations/\{\{(example_org|organization_id)\}\}";

    /// <summary>Which captured requests the sandbox emulates; the client ones are from before <c>post_login_uris</c>, so they replay in the legacy shape.</summary>
    private static readonly (Regex Route, bool Legacy)[] Emulated =
    [
        (new("^POST /oauth/token$"), false),
        (new(@"^GET /\.well-known/openid-configuration$"), false),
        (new("^GET /keys$"), false),
        (new(@"^(GET|PATCH) /api/v1/clients/\{\{client_id\}\}$"), true),
        (new("^(GET|POST) /api/v1/organizations$"), false),
        (new($"^(GET|PATCH|DELETE) {OrgPath}$"), false),
        (new($"^PATCH {OrgPath}/settings$"), false),
        (new($"^PUT {OrgPath}/portal_links$"), false),
    ];

    private static readonly (Regex Route, string Reason)[] NotEmulated =
    [
        (new(@"m2m_client_id|^[A-Z]+ /api/v1/organizations/[^/]+/clients"), "M2M organization clients are not emulated"),
        (new("^GET /oauth/authorize$"), "the browser authorize endpoint answers HTML: Scalekit/ScalekitLoginTests replays it"),
        (new("/directories"), "directories (SCIM) are not emulated"),
        (new("/users"), "users are not emulated"),
        (new("^POST /api/v1/passwordless/"), "passwordless email is not emulated"),
        (new("^GET /api/v1/connections$"), "the connection list is replayed item by item in Scalekit/ScalekitLoginTests"),
        (new("^[A-Z]+ /api/v1/(connections|providers)"), "creating and changing connections, and providers, are not emulated"),
    ];

    public static TheoryData<string> ReplayedExamples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var example in PostmanCollection.All.Where(e => SkipReason(e) is null))
            {
                data.Add(example.Source.Title);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReplayedExamples))]
    public async Task Sandbox_answers_a_captured_request_like_Scalekit(string exampleId)
    {
        var example = PostmanCollection.All.Single(e => e.Source.Title == exampleId);
        await sandbox.ResetAsync();
        if (Route(example).Legacy)
        {
            await sandbox.ControlAsync("scalekit/client-shape", """{"legacyRedirectUris":true}""");
        }
        var token = await sandbox.TokenAsync();
        var created = await sandbox.SendAsync(HttpMethod.Post, "/api/v1/organizations", token,
            """{"display_name":"Replay Org","external_id":"replay-org","metadata":{"property1":"value1"}}""");
        var variables = new Dictionary<string, string>
        {
            ["env_url"] = sandbox.Host.ScalekitUrl,
            ["client_id"] = sandbox.Host.ScalekitClientId,
            ["client_secret"] = sandbox.Host.ScalekitClientSecret,
            ["example_org"] = created.Json["organization"]!["id"]!.GetValue<string>(),
        };
        variables["organization_id"] = variables["example_org"];

        using var request = new HttpRequestMessage(new HttpMethod(example.Request.Method), Substitute(PostmanCollection.RawUrl(example), variables));
        if (example.Request.Path != "/oauth/token")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (example.Request.Form is { } form)
        {
            request.Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, Substitute(f.Value, variables))));
        }
        else if (example.Request.Body.Length > 0)
        {
            request.Content = new StringContent(Substitute(example.Request.Body, variables), Encoding.UTF8, "application/json");
        }
        using var response = await sandbox.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{example.Request.Method} {request.RequestUri} -> {(int)response.StatusCode} {answer}");

        Assert.Equal(example.Response.Status, (int)response.StatusCode);
        using var expected = JsonDocument.Parse(PostmanCollection.StripLineComments(example.Response.Body));
        using var actual = JsonDocument.Parse(answer);
        AssertHasCapturedKeys(expected.RootElement, actual.RootElement, "$", wrapperDepth: 1);
    }

    [Fact]
    public void Examples_of_endpoints_the_sandbox_does_not_emulate_are_listed_and_skipped()
    {
        var all = PostmanCollection.All;
        var skipped = all.Select(e => (Example: e, Reason: SkipReason(e))).Where(s => s.Reason is not null).ToList();
        foreach (var group in skipped.GroupBy(s => s.Reason))
        {
            output.WriteLine($"skipped {group.Count()}: {group.Key}");
            foreach (var (example, _) in group)
            {
                output.WriteLine($"  {example.Request.Method} {PostmanCollection.RawUrl(example)} -> {example.Response.Status}  [{example.Source.Title}]");
            }
        }
        output.WriteLine($"{all.Count} saved examples: {all.Count - skipped.Count} replayed, {skipped.Count} skipped");

        Assert.DoesNotContain(skipped, s => s.Reason!.StartsWith("no rule", StringComparison.Ordinal));
        Assert.Equal(47, all.Count);
        Assert.Equal(27, skipped.Count);
        Assert.Equal(all.Count - skipped.Count, ((IEnumerable<object[]>)ReplayedExamples).Count());
    }

    [Fact]
    public void Saved_bodies_with_line_comments_parse_once_the_comments_are_stripped()
    {
        var token = PostmanCollection.All.First(e => e.Request.Path == "/oauth/token" && e.Request.Form!.Any(f => f.Value == "{{client_id}}"));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(token.Response.Body));
        Assert.Equal("Bearer", PostmanCollection.ParseBody(token.Response.Body)!["token_type"]!.GetValue<string>());
        Assert.Equal("""{"a":"x//y"}""", PostmanCollection.StripLineComments("{\"a\":\"x//y\"} // note").Trim());
    }

    private static string? SkipReason(RecordedExchange example)
    {
        var request = $"{example.Request.Method} {example.Request.Path}";
        var formValues = string.Join(" ", example.Request.Form?.Select(f => f.Value) ?? []);
        var notEmulated = NotEmulated.FirstOrDefault(n => n.Route.IsMatch(request) || n.Route.IsMatch(formValues));
        if (notEmulated.Reason is not null)
        {
            return notEmulated.Reason;
        }
        return Emulated.Any(e => e.Route.IsMatch(request)) ? null : $"no rule for {request}";
    }

    private static (Regex Route, bool Legacy) Route(RecordedExchange example) =>
        Emulated.First(e => e.Route.IsMatch($"{example.Request.Method} {example.Request.Path}"));

    private static string Substitute(string text, IReadOnlyDictionary<string, string> variables)
    {
        var result = Regex.Replace(text, @"\{\{(\w+)\}\}", m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        Assert.DoesNotContain("{{", result, StringComparison.Ordinal);
        return result;
    }

    private static void AssertHasCapturedKeys(JsonElement expected, JsonElement actual, string path, int wrapperDepth)
    {
        Assert.Equal(JsonValueKind.Object, expected.ValueKind);
        foreach (var property in expected.EnumerateObject())
        {
            var where = $"{path}.{property.Name}";
            Assert.True(actual.TryGetProperty(property.Name, out var value), $"{where} is missing from the sandbox's answer: {actual}");
            Assert.True(Kind(property.Value) == Kind(value), $"{where} is {Kind(value)} in the sandbox's answer but {Kind(property.Value)} in the capture");
            if (wrapperDepth > 0 && property.Value.ValueKind == JsonValueKind.Object)
            {
                AssertHasCapturedKeys(property.Value, value, where, wrapperDepth - 1);
            }
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
