using System;
using System.Net;

namespace ScalekitAuth0.Http
{
    /// <summary>What went wrong with a call, in terms a caller can act on without reading HTTP.</summary>
    public enum ApiErrorKind
    {
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,
        RateLimited,
        ServerError,
        Network,
        Timeout,
        InvalidResponse,
        Other,
    }

    /// <summary>
    /// A failed call to Auth0 or Scalekit, carrying the service's own error code and message
    /// (Auth0 <c>errorCode</c>, Scalekit <c>details[].error_code</c>, OAuth <c>error</c>).
    /// Never carries a request body, a header or a token.
    /// </summary>
    public sealed class ApiException : Exception
    {
        public ApiException(string service, string method, string path, int? statusCode, ApiErrorKind kind, string? errorCode, string apiMessage, bool outcomeUnknown, Exception? inner = null)
            : base(Describe(service, method, path, statusCode, errorCode, apiMessage), inner)
        {
            Service = service;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            Kind = kind;
            ErrorCode = errorCode;
            ApiMessage = apiMessage;
            OutcomeUnknown = outcomeUnknown;
        }

        public string Service { get; }
        public string Method { get; }
        public string Path { get; }
        public int? StatusCode { get; }
        public ApiErrorKind Kind { get; }
        public string? ErrorCode { get; }
        public string ApiMessage { get; }

        /// <summary>
        /// The request may or may not have taken effect (no answer, a timeout, a 5xx on a write):
        /// a caller that must not repeat a create looks the object up instead of sending it again.
        /// </summary>
        public bool OutcomeUnknown { get; }

        public bool IsInsufficientScope => Kind == ApiErrorKind.Forbidden && string.Equals(ErrorCode, "insufficient_scope", StringComparison.Ordinal);

        public static ApiErrorKind KindOf(int statusCode) => statusCode switch
        {
            400 or 422 => ApiErrorKind.BadRequest,
            401 => ApiErrorKind.Unauthorized,
            403 => ApiErrorKind.Forbidden,
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            429 => ApiErrorKind.RateLimited,
            >= 500 => ApiErrorKind.ServerError,
            _ => ApiErrorKind.Other,
        };

        private static string Describe(string service, string method, string path, int? statusCode, string? errorCode, string apiMessage)
        {
            var status = statusCode is int code ? $"{code} {(HttpStatusCode)code}" : "no answer";
            var suffix = errorCode is null ? "" : $" ({errorCode})";
            return $"{service} {method} {path} failed: {status}: {apiMessage}{suffix}";
        }
    }
}
