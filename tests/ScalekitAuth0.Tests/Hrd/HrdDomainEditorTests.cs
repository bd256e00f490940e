using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Hrd;

/// <summary>The read-merge-write of domain_aliases, against a store that plays Auth0 and, when asked, a concurrent writer.</summary>
public class HrdDomainEditorTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(30);

    private static JObject Connection(params string[] aliases) => new()
    {
        ["id"] = "con_1",
        ["name"] = "scalekit",
        ["display_name"] = "Company SSO",
        ["strategy"] = "oidc",
        ["options"] = new JObject
        {
            ["type"] = "back_channel",
            ["client_id"] = "skc_1",
            ["client_secret"] = "secret-1",
            ["discovery_url"] = "https://acme.scalekit.dev/.well-known/openid-configuration",
            ["scope"] = "openid profile email",
            ["upstream_params"] = new JObject { ["login_hint"] = new JObject { ["alias"] = "login_hint" }, ["prompt"] = new JObject { ["value"] = "login" } },
            ["set_user_root_attributes"] = "on_each_login",
            ["oidc_metadata"] = new JObject { ["issuer"] = "https://acme.scalekit.dev" },
            ["domain_aliases"] = new JArray(aliases.Cast<object>().ToArray()),
        },
    };

    private static async Task<Auth0Connection> EditAsync(FakeStore store, HrdDomainChange change)
    {
        var editor = new HrdDomainEditor(store, Settle);
        var plan = await editor.PlanAsync("con_1", change, Operation.Silent());
        return await editor.ApplyAsync(plan, Operation.Silent());
    }

    [Fact]
    public async Task Adding_sends_the_whole_options_and_the_display_name_once()
    {
        var store = new FakeStore(Connection("existing.com"));

        var result = await EditAsync(store, HrdDomainChange.Adding(["acme.com", "ACME.com", "acme.co.uk"]));

        var body = Assert.Single(store.Patches);
        Assert.Equal("Company SSO", (string?)body["display_name"]);
        var options = (JObject)body["options"]!;
        Assert.Equal("secret-1", (string?)options["client_secret"]);
        Assert.Equal("openid profile email", (string?)options["scope"]);
        Assert.Equal("https://acme.scalekit.dev/.well-known/openid-configuration", (string?)options["discovery_url"]);
        Assert.Equal("login", (string?)options["upstream_params"]!["prompt"]!["value"]);
        Assert.Equal("on_each_login", (string?)options["set_user_root_attributes"]);
        Assert.Null(options["oidc_metadata"]);
        Assert.Equal(["existing.com", "acme.com", "acme.co.uk"], options["domain_aliases"]!.Values<string>());
        Assert.Equal(2, store.Gets);
        Assert.Equal(["existing.com", "acme.com", "acme.co.uk"], result.DomainAliases);
    }

    [Fact]
    public async Task A_domain_already_there_in_another_spelling_is_not_added_again_and_nothing_is_written()
    {
        var store = new FakeStore(Connection("ACME.com", "bücher.de"));

        await EditAsync(store, HrdDomainChange.Adding(["acme.com", "xn--bcher-kva.de"]));

        Assert.Empty(store.Patches);
        Assert.Equal(1, store.Gets);
    }

    [Fact]
    public async Task A_stale_writer_that_lands_between_our_write_and_our_read_back_does_not_win()
    {
        // A reads, B reads, A writes, B writes what it read plus its own (dropping A's), A reads back.
        var store = new FakeStore(Connection("existing.com"));
        var beforeOurWrite = store.Snapshot();
        store.AfterPatch = patch =>
        {
            if (patch == 1)
            {
                store.Replace(beforeOurWrite, "existing.com", "b-one.com", "b-two.com");
            }
        };

        var result = await EditAsync(store, HrdDomainChange.Adding(["a-one.com", "a-two.com"]));

        Assert.Equal(2, store.Patches.Count);
        Assert.Equal(["a-one.com", "a-two.com", "b-one.com", "b-two.com", "existing.com"], store.Aliases().Order());
        Assert.Equal(store.Aliases(), result.DomainAliases);
    }

    [Fact]
    public async Task Two_editors_that_read_before_either_wrote_both_win()
    {
        var store = new FakeStore(Connection("existing.com"));
        var a = new HrdDomainEditor(store, Settle);
        var b = new HrdDomainEditor(store, Settle);
        var aPlan = await a.PlanAsync("con_1", HrdDomainChange.Adding(Enumerable.Range(0, 50).Select(i => $"a{i}.com")), Operation.Silent());
        var bPlan = await b.PlanAsync("con_1", HrdDomainChange.Adding(Enumerable.Range(0, 50).Select(i => $"b{i}.com")), Operation.Silent());

        await Task.WhenAll(a.ApplyAsync(aPlan, Operation.Silent()), b.ApplyAsync(bPlan, Operation.Silent()));

        Assert.Equal(101, store.Aliases().Count);
    }

    [Fact]
    public async Task A_removed_domain_that_a_stale_writer_puts_back_is_removed_again()
    {
        var store = new FakeStore(Connection("keep.com", "gone.com"));
        var beforeOurWrite = store.Snapshot();
        store.AfterPatch = patch =>
        {
            if (patch == 1)
            {
                store.Replace(beforeOurWrite, "keep.com", "gone.com", "theirs.com");
            }
        };

        await EditAsync(store, HrdDomainChange.Removing(["GONE.com"]));

        Assert.Equal(["keep.com", "theirs.com"], store.Aliases().Order());
    }

    [Fact]
    public async Task A_writer_that_always_overwrites_us_ends_in_a_bounded_error()
    {
        var store = new FakeStore(Connection("existing.com"));
        var beforeOurWrite = store.Snapshot();
        store.AfterPatch = _ => store.Replace(beforeOurWrite, "existing.com");

        var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => EditAsync(store, HrdDomainChange.Adding(["acme.com"])));

        Assert.Equal("HrdConcurrentUpdateLost", error.ErrorId);
        Assert.Equal(HrdDomainEditor.MaxWrites, store.Patches.Count);
    }

    [Fact]
    public async Task Exactly_keeps_only_the_given_domains_and_reports_the_difference()
    {
        var store = new FakeStore(Connection("keep.com", "stale.com", "https://login.example.com"));
        var editor = new HrdDomainEditor(store, Settle);

        var plan = await editor.PlanAsync("con_1", HrdDomainChange.Exactly(["keep.com", "new.com"]), Operation.Silent());
        await editor.ApplyAsync(plan, Operation.Silent());

        Assert.Equal(["new.com"], plan.Added);
        Assert.Equal(["stale.com", "https://login.example.com"], plan.Removed);
        Assert.Equal(1, plan.Unchanged);
        Assert.Equal(["keep.com", "new.com"], store.Aliases());
    }

    [Fact]
    public async Task Passing_the_limit_of_1000_is_refused_before_any_write()
    {
        var store = new FakeStore(Connection(Enumerable.Range(0, 999).Select(i => $"d{i}.com").ToArray()));

        var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => EditAsync(store, HrdDomainChange.Adding(["one.com", "two.com"])));

        Assert.Equal("HrdDomainLimitExceeded", error.ErrorId);
        Assert.Contains("1000", error.Message);
        Assert.Empty(store.Patches);
    }

    [Fact]
    public async Task Options_the_token_cannot_see_are_never_overwritten()
    {
        var hidden = Connection();
        hidden.Remove("options");
        var store = new FakeStore(hidden);

        var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => EditAsync(store, HrdDomainChange.Adding(["acme.com"])));

        Assert.Equal("Auth0OptionsHidden", error.ErrorId);
        Assert.Empty(store.Patches);
    }

    [Fact]
    public async Task A_plan_that_waited_is_read_again_before_it_is_written()
    {
        var store = new FakeStore(Connection("existing.com"));
        var editor = new HrdDomainEditor(store, Settle);
        var plan = await editor.PlanAsync("con_1", HrdDomainChange.Adding(["acme.com"]), Operation.Silent());
        store.Replace(store.Snapshot(), "existing.com", "meanwhile.com");
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        await editor.ApplyAsync(plan, Operation.Silent());

        Assert.Single(store.Patches);
        Assert.Equal(["existing.com", "meanwhile.com", "acme.com"], store.Aliases());
    }

    /// <summary>Auth0's PATCH as the reference describes it: options replaced whole, display_name reset to the name when absent.</summary>
    private sealed class FakeStore(JObject connection) : IConnectionStore
    {
        private readonly object _gate = new();
        private JObject _state = connection;

        public List<JObject> Patches { get; } = [];

        public int Gets { get; private set; }

        /// <summary>Runs after each of our writes with its number (1 for the first): a concurrent writer's write lands then.</summary>
        public Action<int>? AfterPatch { get; set; }

        public Task<Auth0Connection> GetConnectionAsync(string id, Operation operation)
        {
            lock (_gate)
            {
                Gets++;
                return Task.FromResult(new Auth0Connection(Snapshot()));
            }
        }

        public Task<Auth0Connection> UpdateConnectionAsync(string id, JObject body, Operation operation)
        {
            int number;
            lock (_gate)
            {
                Patches.Add((JObject)body.DeepClone());
                number = Patches.Count;
                _state["options"] = body["options"]!.DeepClone();
                _state["display_name"] = body["display_name"]?.DeepClone() ?? _state["name"]!.DeepClone();
            }
            AfterPatch?.Invoke(number);
            lock (_gate)
            {
                return Task.FromResult(new Auth0Connection(Snapshot()));
            }
        }

        public JObject Snapshot()
        {
            lock (_gate)
            {
                return (JObject)_state.DeepClone();
            }
        }

        /// <summary>Another writer's whole-options PATCH, made from what it read earlier.</summary>
        public void Replace(JObject readEarlier, params string[] aliases)
        {
            lock (_gate)
            {
                var options = (JObject)readEarlier["options"]!.DeepClone();
                options["domain_aliases"] = new JArray(aliases.Cast<object>().ToArray());
                _state["options"] = options;
            }
        }

        public List<string> Aliases()
        {
            lock (_gate)
            {
                return _state["options"]!["domain_aliases"]!.Values<string>().Select(a => a!).ToList();
            }
        }
    }
}
