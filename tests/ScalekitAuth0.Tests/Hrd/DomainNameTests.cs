using ScalekitAuth0.Hrd;
using Xunit;

namespace ScalekitAuth0.Tests.Hrd;

public class DomainNameTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("ACME.com ", "acme.com")]
    [InlineData("  Acme.CO.uk", "acme.co.uk")]
    [InlineData("acme.com.", "acme.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("BÜCHER.de", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("mail.acme-corp.com", "mail.acme-corp.com")]
    public void Normal_form_is_trimmed_lower_case_punycode(string input, string expected) =>
        Assert.Equal(expected, DomainName.Normalize(input));

    [Theory]
    [InlineData("jane@acme.com", "email address")]
    [InlineData("https://acme.com", "URL")]
    [InlineData("acme.com/login", "URL")]
    [InlineData("acme..com", "not a valid host name")]
    [InlineData("-acme.com", "not a valid host name")]
    [InlineData("acme-.com", "not a valid host name")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("localhost", "at least one dot")]
    [InlineData("acme .com", "white space")]
    [InlineData("acme_corp.com", "not a valid host name")]
    [InlineData("*.acme.com", "not a valid host name")]
    public void A_bad_domain_is_an_error_that_names_it_and_says_why(string input, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => DomainName.Normalize(input));

        Assert.Contains($"'{input}'", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void An_email_address_error_says_which_part_to_give() =>
        Assert.Contains("'acme.com'", Assert.Throws<ArgumentException>(() => DomainName.Normalize("jane@acme.com")).Message);

    [Fact]
    public void A_null_domain_is_an_error_not_a_crash() =>
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => DomainName.Normalize(null)).Message);

    [Fact]
    public void A_control_character_is_shown_escaped_in_the_error() =>
        Assert.Contains(@"\u0007", Assert.Throws<ArgumentException>(() => DomainName.Normalize("acme\a.com")).Message);

    [Theory]
    [InlineData("ACME.com", "acme.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("https://login.acme.com", "https://login.acme.com")]
    [InlineData(" HTTPS://Login.Acme.com ", "https://login.acme.com")]
    public void An_entry_already_on_a_list_compares_in_normal_form_or_else_as_it_is(string alias, string expected) =>
        Assert.Equal(expected, DomainName.Comparable(alias));

    [Theory]
    [InlineData("gmail.com", "public mail provider")]
    [InlineData("outlook.com", "public mail provider")]
    [InlineData("192.168.1.10", "IP address")]
    [InlineData("acme.123", "all digits")]
    public void A_domain_that_routes_everyone_says_why(string domain, string why) =>
        Assert.Contains(why, DomainName.RoutesEveryone(domain));

    [Theory]
    [InlineData("acme.com")]
    [InlineData("mail.acme.com")]
    [InlineData("gmail.acme.com")]
    [InlineData("3m.com")]
    public void One_customers_domain_routes_only_its_people(string domain) =>
        Assert.Null(DomainName.RoutesEveryone(domain));

    [Fact]
    public void A_domain_that_routes_everyone_is_refused_unless_forced()
    {
        var error = Assert.Throws<ScalekitAuth0Exception>(() => DomainName.NormalizeRoutable(" GMail.com ", "Domain", force: false));

        Assert.Equal("HrdDomainRoutesEveryone", error.ErrorId);
        Assert.Contains("-Domain 'gmail.com'", error.Message);
        Assert.Contains("-Force", error.RecommendedAction);
        Assert.Equal("gmail.com", DomainName.NormalizeRoutable(" GMail.com ", "Domain", force: true));
    }

    [Theory]
    [InlineData("\u0430cme.com", "\u0430cme")]
    [InlineData("xn--cme-5cd.com", "\u0430cme")]
    [InlineData("p\u0430ypal.co.uk", "p\u0430ypal")]
    public void A_label_that_mixes_latin_and_cyrillic_is_named(string domain, string label) =>
        Assert.Equal(label, DomainName.MixedScriptLabel(DomainName.Normalize(domain)));

    [Theory]
    [InlineData("acme.com")]
    [InlineData("b\u00fccher.de")]
    [InlineData("\u043f\u0440\u0438\u043c\u0435\u0440.com")]
    [InlineData("\u6771\u4eac.jp")]
    public void A_name_in_one_script_per_label_is_not_flagged(string domain) =>
        Assert.Null(DomainName.MixedScriptLabel(DomainName.Normalize(domain)));
}
