using System.Text.RegularExpressions;

namespace ScalekitAuth0.Auth0
{
    /// <summary>Auth0's rule for connection names, checked before anything is sent.</summary>
    internal static class ConnectionName
    {
        public const int MaxLength = 128;

        private static readonly Regex Pattern = new Regex("^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$", RegexOptions.CultureInvariant);

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
