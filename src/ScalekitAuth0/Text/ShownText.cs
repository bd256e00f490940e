using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ScalekitAuth0.Text
{
    /// <summary>How inputs and lists appear in the messages users read: errors, prompts, check details.</summary>
    internal static class ShownText
    {
        /// <summary>How many items a message names before it sums up the rest.</summary>
        public const int Named = 5;

        /// <summary>Shows control characters as escapes so an error message never hides or garbles the bad input.</summary>
        public static string Printable(string? input)
        {
            if (input is null)
            {
                return "";
            }
            var builder = new StringBuilder();
            foreach (var c in input.Length > 300 ? input.Substring(0, 300) + "..." : input)
            {
                builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }
            return builder.ToString();
        }

        /// <summary>A few items by name and how many more: a prompt or a detail must stay readable for a thousand.</summary>
        public static string Few(IReadOnlyCollection<string> items)
        {
            var named = string.Join(", ", items.Take(Named));
            return items.Count > Named ? $"{named} and {items.Count - Named} more" : named;
        }
    }
}
