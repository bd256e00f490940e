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
}
