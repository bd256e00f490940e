using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// Parses answers exactly as sent. Newtonsoft's default turns ISO-8601 strings into dates, so a
    /// metadata value or a timestamp written back would come out in another format.
    /// </summary>
    internal static class ApiJson
    {
        public static JToken Parse(string text)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
    }
}
