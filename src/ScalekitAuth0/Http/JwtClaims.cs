using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>Reads claims from a JWT's payload without validating it: only to tell the user which scopes it grants.</summary>
    internal static class JwtClaims
    {
        public static IReadOnlyCollection<string> Scopes(string token) =>
            ((string?)Payload(token)?["scope"])?.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();

        /// <summary>Whether the token has a JWT's shape: three parts and a JSON payload.</summary>
        public static bool IsJwt(string token) => Payload(token) is not null;

        /// <summary>The audiences the token names (the aud claim, a string or an array); empty when it names none.</summary>
        public static IReadOnlyCollection<string> Audiences(string token) => Payload(token)?["aud"] switch
        {
            JArray many => many.Select(a => (string?)a).OfType<string>().ToArray(),
            JValue one when one.Type == JTokenType.String => new[] { (string)one! },
            _ => Array.Empty<string>(),
        };

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
