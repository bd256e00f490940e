using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// -Metadata of New- and Set-ScalekitOrganization, as the client sends it. Scalekit keeps
    /// organization metadata as a map of strings, so each value must be one scalar, written the same
    /// on every machine. A nested table, a list or an object would be stored as its type name
    /// ("System.Collections.Hashtable") and then "match" on every re-run, so it is refused, naming the key.
    /// </summary>
    internal static class OrganizationMetadata
    {
        /// <summary>
        /// The pairs as Scalekit stores them, each value in the invariant culture (ISO 8601 dates,
        /// true/false, 1.5); or one error naming every key whose value is not one scalar.
        /// </summary>
        public static IReadOnlyDictionary<string, string>? From(IDictionary? metadata)
        {
            if (metadata is null)
            {
                return null;
            }
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            var refused = new List<(string Key, object? Value)>();
            foreach (DictionaryEntry entry in metadata)
            {
                var key = Scalar(entry.Key)
                    ?? throw Refused($"a key is of type {TypeName(entry.Key)}", "Use text keys, such as @{ plan = 'gold' }.");
                if (Scalar(entry.Value) is string value)
                {
                    pairs[key] = value;
                }
                else
                {
                    refused.Add((key, Unwrap(entry.Value)));
                }
            }
            if (refused.Count > 0)
            {
                var named = string.Join(", ", refused.Select(r => $"'{ShownText.Printable(r.Key)}' ({TypeName(r.Value)})"));
                throw Refused(
                    $"{(refused.Count == 1 ? "the value of key" : "the values of keys")} {named} {(refused.Count == 1 ? "is" : "are")} not one string, number, date or boolean; Scalekit stores each metadata value as one string",
                    Advice(refused[0].Value, refused[0].Key));
            }
            return pairs;
        }

        /// <summary>The value as invariant text, or null when it is not one scalar.</summary>
        private static string? Scalar(object? value) => Unwrap(value) switch
        {
            string text => text,
            char c => c.ToString(),
            bool flag => flag ? "true" : "false",
            SwitchParameter flag => flag.IsPresent ? "true" : "false",
            DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
            DateTimeOffset date => date.ToString("o", CultureInfo.InvariantCulture),
            // "R" so a double reads back as the same number on .NET Framework too, where plain ToString() rounds to 15 digits.
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            float number => number.ToString("R", CultureInfo.InvariantCulture),
            Enum named => named.ToString(),
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            Guid id => id.ToString(),
            Uri uri => uri.OriginalString,
            IFormattable number when IsNumber(number) => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };

        private static bool IsNumber(object value) => value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is decimal || value is BigInteger;

        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static string TypeName(object? value) => Unwrap(value) switch
        {
            null => "null",
            PSObject _ => "PSCustomObject",
            var other => other.GetType().Name,
        };

        private static string Advice(object? value, string key) => value switch
        {
            null => $"Give {key} a value, or leave the key out.",
            IDictionary _ or PSObject _ => $"Flatten it into keys of their own (@{{ {key}_tier = 'gold' }}), or store it as JSON text: ConvertTo-Json -Compress.",
            IEnumerable _ => $"Join it into one string ({key} = ($values -join ',')), or store it as JSON text: ConvertTo-Json -Compress.",
            _ => "Give a string, a number, a date or $true/$false, or convert it to the text you want stored.",
        };

        private static ScalekitAuth0Exception Refused(string why, string advice) =>
            ScalekitAuth0Exception.InvalidArgument("InvalidScalekitMetadata", $"-Metadata: {why}.", advice);
        /// <summary>Whether the organization holds exactly these pairs.</summary>
        public static bool Holds(ScalekitOrganization organization, IReadOnlyDictionary<string, string> metadata) =>
            metadata.Count == organization.Metadata.Count && metadata.All(pair => organization.Metadata.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
