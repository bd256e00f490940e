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

        /// <summary>Input the module refuses before anything is sent: the message names the input, the advice says what to give instead.</summary>
        internal static ScalekitAuth0Exception InvalidArgument(string errorId, string message, string recommendedAction) =>
            new ScalekitAuth0Exception(errorId, ApiErrorKind.BadRequest, message, recommendedAction);
    }
}
