using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
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
        /// Why routing <paramref name="domain"/> (in its normal form) would send users of many
        /// organizations to one connection, or null when it names one organization's domain as far as
        /// can be told: a public mail provider (Scalekit refuses these on an organization too), an IP
        /// address, or a name whose top-level label is all digits (no real top-level domain is).
        /// </summary>
        public static string? RoutesEveryone(string domain)
        {
            if (PublicMailDomains.Contains(domain))
            {
                return "it is a public mail provider's domain: routing it sends every user with an address there to this connection";
            }
            var topLevel = domain.Substring(domain.LastIndexOf('.') + 1);
            if (topLevel.All(c => c >= '0' && c <= '9'))
            {
                return IPAddress.TryParse(domain, out _)
                    ? "it is an IP address, not an email domain"
                    : $"its top-level label '{topLevel}' is all digits, which no real email domain has";
            }
            return null;
        }

        /// <summary>
        /// The first label of <paramref name="domain"/> (in its normal form) that mixes Latin, Greek or
        /// Cyrillic letters, shown in Unicode, or null: 'аcme' with a Cyrillic 'а' looks like 'acme'
        /// and is another domain.
        /// </summary>
        public static string? MixedScriptLabel(string domain)
        {
            string unicode;
            try
            {
                unicode = Idn.GetUnicode(domain);
            }
            catch (ArgumentException)
            {
                return null;
            }
            return unicode.Split('.').FirstOrDefault(label => label.Select(ScriptOf).Where(script => script != Script.Other).Distinct().Count() > 1);
        }

        /// <summary>An email domain a command is about to start routing: <see cref="NormalizeInput"/>, and refused when it routes everyone, unless forced.</summary>
        public static string NormalizeRoutable(string domain, string parameterName, bool force)
        {
            var normal = NormalizeInput(domain, parameterName);
            if (!force && RoutesEveryone(normal) is string why)
            {
                throw ScalekitAuth0Exception.InvalidArgument("HrdDomainRoutesEveryone", $"-{parameterName} '{normal}' is refused as a Home Realm Discovery domain: {why}.",
                    "Route only domains that belong to one customer. Pass -Force if you really mean it (Scalekit still refuses public mail domains on an organization).");
            }
            return normal;
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

        private enum Script
        {
            Other,
            Latin,
            Greek,
            Cyrillic,
        }

        /// <summary>The scripts whose letters pass for each other; digits, hyphens and other scripts' letters count as none.</summary>
        private static Script ScriptOf(char c) =>
            (c >= 'a' && c <= 'z') || (c >= '\u00c0' && c <= '\u024f' && char.IsLetter(c)) || (c >= '\u1e00' && c <= '\u1eff') ? Script.Latin
            : (c >= '\u0370' && c <= '\u03ff') || (c >= '\u1f00' && c <= '\u1fff') ? Script.Greek
            : c >= '\u0400' && c <= '\u052f' ? Script.Cyrillic
            : Script.Other;

        /// <summary>
        /// The largest public mail providers (and the disposable-mail services best known), whose
        /// domains hold the addresses of everyone rather than one organization's people.
        /// </summary>
        private static readonly HashSet<string> PublicMailDomains = new HashSet<string>(StringComparer.Ordinal)
        {
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "live.com", "msn.com",
            "yahoo.com", "yahoo.co.uk", "yahoo.co.jp", "yahoo.fr", "yahoo.de", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "mail.com", "mail.ru",
            "yandex.ru", "yandex.com", "zoho.com", "qq.com", "163.com", "126.com", "naver.com", "fastmail.com", "tutanota.com", "hey.com",
            "orange.fr", "free.fr", "comcast.net", "verizon.net", "att.net", "mailinator.com", "guerrillamail.com", "10minutemail.com",
        };

        private static ArgumentException Invalid(string? input, string why) =>
            new ArgumentException($"'{ShownText.Printable(input)}' is not a usable email domain: {why}.");
    }
}
