using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// Reads the three error shapes the module meets: Auth0's <c>{statusCode, error, message, errorCode}</c>,
    /// Scalekit's <c>{code, message, details[{error_code}]}</c> and OAuth's <c>{error, error_description}</c>.
    /// </summary>
    internal static class ApiErrorBody
    {
        private const int LongestRawMessage = 300;

        public static (string? Code, string Message) Parse(string body, int status)
        {
            var json = ParseObject(body);
            if (json is null)
            {
                var raw = string.IsNullOrWhiteSpace(body) ? $"HTTP {status}" : body.Trim();
                return (null, raw.Length > LongestRawMessage ? raw.Substring(0, LongestRawMessage) + "..." : raw);
            }

            var description = Text(json["error_description"]);
            var code = Text(json["errorCode"])
                ?? Text((json["details"] as JArray)?.First?["error_code"])
                ?? (description is null ? null : Text(json["error"]));
            var message = Text(json["message"]) ?? description ?? Text(json["error"]) ?? $"HTTP {status}";
            return (code, message);
        }

        /// <summary>The fields Scalekit's ErrorInfo details name as refused; none for any other body.</summary>
        public static IReadOnlyList<ApiFieldViolation> FieldViolations(string body) =>
            (ParseObject(body)?["details"] as JArray)?
                .SelectMany(detail => ((detail as JObject)?["validation_error_info"] as JObject)?["field_violations"] as JArray ?? new JArray())
                .OfType<JObject>()
                .Select(v => new ApiFieldViolation(Text(v["field"]) ?? "", Text(v["description"]) ?? "", Text(v["constraint"]) ?? ""))
                .ToList()
            ?? (IReadOnlyList<ApiFieldViolation>)new ApiFieldViolation[0];

        private static JObject? ParseObject(string body)
        {
            try
            {
                return string.IsNullOrWhiteSpace(body) ? null : ApiJson.Parse(body) as JObject;
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }

        private static string? Text(JToken? token) =>
            token is JValue value && value.Type == JTokenType.String && !string.IsNullOrEmpty((string?)value) ? (string?)value : null;
    }
}
