using System;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Login
{
    /// <summary>The email address a login is probed with: one '@', something before it, an email domain after it.</summary>
    internal static class LoginAddress
    {
        /// <summary>The local part of the made-up address that probes a domain: nobody's, and plain about what it is.</summary>
        public const string ProbeLocalPart = "scalekitauth0-probe";

        /// <summary>The address with its domain in normal form, or an <see cref="ArgumentException"/> naming the input and what is wrong.</summary>
        public static string Normalize(string? input)
        {
            var text = (input ?? "").Trim();
            var shown = ShownText.Printable(input);
            var at = text.IndexOf('@');
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException($"'{shown}' is a URL, not an email address.");
            }
            if (at < 0)
            {
                throw new ArgumentException($"'{shown}' is not an email address: it has no '@'.");
            }
            if (text.IndexOf('@', at + 1) >= 0)
            {
                throw new ArgumentException($"'{shown}' is not an email address: it has more than one '@'.");
            }
            var local = text.Substring(0, at);
            if (local.Length == 0 || local.IndexOfAny(new[] { ' ', '\t', '<', '>', '(', ')', ',', ';', ':', '\\', '"', '[', ']' }) >= 0)
            {
                throw new ArgumentException($"'{shown}' is not an email address: the part before '@' is empty or holds a character addresses cannot.");
            }
            try
            {
                return local + "@" + DomainName.Normalize(text.Substring(at + 1));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{shown}' is not an email address: its domain {e.Message}", e);
            }
        }

        public static string AtDomain(string normalizedDomain) => ProbeLocalPart + "@" + normalizedDomain;
    }
}
