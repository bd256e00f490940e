using System.Text.RegularExpressions;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Auth0
{
    /// <summary>Auth0's rule for connection names, checked before anything is sent.</summary>
    internal static class ConnectionName
    {
        public const int MaxLength = 128;

        private static readonly Regex Pattern = new Regex("^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$", RegexOptions.CultureInvariant);

        /// <summary>A -Name Auth0 would not take is refused before anything is sent, naming the input and why.</summary>
        /// <param name="advice">What to give instead, as the command that refuses it puts it.</param>
        public static void RequireValid(string name, string advice)
        {
            if (Problem(name) is string problem)
            {
                throw ScalekitAuth0Exception.InvalidArgument("InvalidConnectionName", $"-Name '{ShownText.Printable(name)}' is not a valid Auth0 connection name: {problem}.", advice);
            }
        }

        /// <summary>Null when valid, else why not.</summary>
        public static string? Problem(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "it is empty";
            }
            if (name!.Length > MaxLength)
            {
                return $"it is {name.Length} characters long; Auth0 allows at most {MaxLength}";
            }
            return Pattern.IsMatch(name)
                ? null
                : "Auth0 allows only letters, digits and single hyphens, starting and ending with a letter or digit (no underscores, spaces or '--')";
        }
    }
}
