using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Hrd
{
    /// <summary>
    /// An email domain as Auth0's Home Realm Discovery list and Scalekit's organization domains
    /// both want it: trimmed, lower case, internationalised labels in punycode, and a valid host name.
    /// </summary>
    internal static class DomainName
    {
        public const int MaxLength = 253;

        // Auth0's domain_aliases item pattern (OAS ConnectionDomainAliasesOne), which also admits xn-- labels.
        private static readonly Regex Auth0Hostname = new Regex(
            @"^((?!-))(xn--)?([a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\.)*(xn--)?[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?$",
            RegexOptions.CultureInvariant);

        private static readonly IdnMapping Idn = new IdnMapping { AllowUnassigned = false, UseStd3AsciiRules = true };

        /// <summary>The normal form, or an <see cref="ArgumentException"/> that names the input and says what is wrong.</summary>
        public static string Normalize(string? input)
        {
            var text = (input ?? string.Empty).Trim().TrimEnd('.');
            if (text.Length == 0)
            {
                throw Invalid(input, "it is empty");
            }
            if (text.IndexOf('@') >= 0)
            {
                throw Invalid(input, $"it is an email address; give only the part after '@' ('{text.Substring(text.LastIndexOf('@') + 1)}')");
            }
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.IndexOf('/') >= 0)
            {
                throw Invalid(input, "it is a URL; give only the host name, such as 'acme.com'");
            }
            foreach (var c in text)
            {
                if (char.IsControl(c) || char.IsWhiteSpace(c))
                {
                    throw Invalid(input, "it contains white space or a control character");
                }
            }
            string ascii;
            try
            {
                ascii = Idn.GetAscii(text.ToLowerInvariant());
            }
            catch (ArgumentException)
            {
                throw Invalid(input, "it is not a valid host name (each label 1-63 letters, digits or inner hyphens, separated by single dots)");
            }
            ascii = ascii.ToLowerInvariant();
            if (ascii.Length > MaxLength || !Auth0Hostname.IsMatch(ascii) || ascii.IndexOf('.') < 0)
            {
                throw Invalid(input, "it is not a valid email domain (labels of letters, digits or inner hyphens, separated by single dots, with at least one dot)");
            }
            return ascii;
        }

        /// <summary>An email domain given as a command's input in its normal form, or the InvalidHrdDomain error that names the input.</summary>
        public static string NormalizeInput(string domain, string parameterName)
        {
            try
            {
                return Normalize(domain);
            }
            catch (ArgumentException e)
            {
                throw ScalekitAuth0Exception.InvalidArgument("InvalidHrdDomain", $"-{parameterName} {e.Message}", "Give the part of an email address after the '@', such as 'acme.com'.");
            }
        }

        /// <summary>
        /// How an entry already on a list compares with others: its normal form, or, for an entry this
        /// module would not accept (Auth0 also takes URIs there), the entry itself in lower case, so it
        /// can still be matched and kept as it is.
        /// </summary>
        public static string Comparable(string alias)
        {
            try
            {
                return Normalize(alias);
            }
            catch (ArgumentException)
            {
                return alias.Trim().ToLowerInvariant();
            }
        }

        private static ArgumentException Invalid(string? input, string why) =>
            new ArgumentException($"'{ShownText.Printable(input)}' is not a usable email domain: {why}.");
    }
}
