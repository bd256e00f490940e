using System;
using ScalekitAuth0.Http;

namespace ScalekitAuth0
{
    /// <summary>
    /// A failure the module itself recognises (bad input, a state it will not overwrite, a document
    /// that makes no sense), with the stable id a script can match on and what to do about it.
    /// </summary>
    public sealed class ScalekitAuth0Exception : Exception
    {
        public ScalekitAuth0Exception(string errorId, ApiErrorKind kind, string message, string? recommendedAction = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }

        public ApiErrorKind Kind { get; }

        public string? RecommendedAction { get; }

        /// <summary>Shows control characters as escapes so an error message never hides or garbles the bad input.</summary>
        internal static string Printable(string? input)
        {
            if (input is null)
            {
                return "";
            }
            var builder = new System.Text.StringBuilder();
            foreach (var c in input.Length > 300 ? input.Substring(0, 300) + "..." : input)
            {
                builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }
            return builder.ToString();
        }
    }
}
