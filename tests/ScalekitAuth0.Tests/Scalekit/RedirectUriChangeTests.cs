using ScalekitAuth0.Scalekit;
using Xunit;

namespace ScalekitAuth0.Tests.Scalekit;

public class RedirectUriChangeTests
{
    private static readonly string[] Current = ["https://a.example/cb", " https://b.example/cb", "https://c.example/cb"];

    [Fact]
    public void Adding_appends_only_the_missing_uris_and_keeps_the_others_in_place()
    {
        var change = RedirectUriChange.Adding(["https://b.example/cb", "https://d.example/cb ", "https://d.example/cb"]);

        Assert.Equal(["https://a.example/cb", " https://b.example/cb", "https://c.example/cb", "https://d.example/cb"], change.ApplyTo(Current));
        Assert.False(change.IsSatisfiedBy(Current));
        Assert.True(change.IsSatisfiedBy(change.ApplyTo(Current)));
    }

    [Fact]
    public void Adding_what_is_there_changes_nothing()
    {
        var change = RedirectUriChange.Adding(["https://b.example/cb", "https://a.example/cb"]);

        Assert.Equal(Current, change.ApplyTo(Current));
        Assert.True(change.IsSatisfiedBy(Current));
    }

    [Fact]
    public void Removing_drops_only_the_given_uris()
    {
        var change = RedirectUriChange.Removing(["https://b.example/cb", "https://not-there.example/cb"]);

        Assert.Equal(["https://a.example/cb", "https://c.example/cb"], change.ApplyTo(Current));
    }

    [Fact]
    public void Adding_stops_at_the_cap_in_the_order_given_and_names_what_is_left_out()
    {
        string[] four = ["https://a.example/cb", "https://b.example/cb", "https://c.example/cb", "https://d.example/cb"];
        var change = RedirectUriChange.Adding(["https://tenant.example/login/callback", "https://b.example/cb", "https://custom.example/login/callback"]);

        Assert.Equal([.. four, "https://tenant.example/login/callback"], change.ApplyTo(four));
        Assert.Equal(["https://custom.example/login/callback"], change.LeftOut(four));
        Assert.Equal(["https://tenant.example/login/callback", "https://custom.example/login/callback"], change.Missing(four));
    }

    [Fact]
    public void A_list_at_or_over_the_cap_gets_nothing_added_and_loses_nothing()
    {
        var six = Enumerable.Range(1, 6).Select(i => $"https://{i}.example/cb").ToArray();
        var change = RedirectUriChange.Adding(["https://new.example/cb"]);

        Assert.Equal(six, change.ApplyTo(six));
        Assert.Equal(["https://new.example/cb"], change.LeftOut(six));
        Assert.True(change.IsSatisfiedBy(six));
    }

    [Fact]
    public void Uris_are_compared_exactly_not_as_urls()
    {
        var change = RedirectUriChange.Adding(["https://A.example/cb", "https://a.example/cb/"]);

        Assert.Equal(5, change.ApplyTo(Current).Count);
    }
}
