using System;
using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>Reads claims from a JWT's payload without validating it: only to tell the user which scopes it grants.</summary>
    internal static class JwtClaims
    {
        public static IReadOnlyCollection<string> Scopes(string token) =>
            ((string?)Payload(token)?["scope"])?.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();

        public static DateTimeOffset? ExpiresOn(string token) =>
            Payload(token)?["exp"]?.Type == JTokenType.Integer ? DateTimeOffset.FromUnixTimeSeconds((long)Payload(token)!["exp"]!) : (DateTimeOffset?)null;

        private static JObject? Payload(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }
            try
            {
                var base64 = parts[1].Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
                return JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            }
            catch (Exception e) when (e is FormatException || e is Newtonsoft.Json.JsonReaderException)
            {
                return null;
            }
        }
    }
}
