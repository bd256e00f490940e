using System;
using System.Collections.Generic;
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
        public ApiException(string service, string method, string path, int? statusCode, ApiErrorKind kind, string? errorCode, string apiMessage, bool outcomeUnknown, Exception? inner = null,
            IReadOnlyList<ApiFieldViolation>? fieldViolations = null, UnreachableHost? unreachable = null, DateTimeOffset? retryAt = null, TimeSpan? retryAfter = null)
            : base(Describe(service, method, path, statusCode, errorCode, apiMessage, retryAt), inner)
        {
            RetryAt = retryAt;
            RetryAfter = retryAfter;
            Unreachable = unreachable;
            FieldViolations = fieldViolations ?? new ApiFieldViolation[0];
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

        /// <summary>Set when no connection could be made at all: the name did not resolve, or the host refused or could not be reached.</summary>
        public UnreachableHost? Unreachable { get; }

        /// <summary>When the service said it will take requests again (<c>Retry-After</c>, <c>x-ratelimit-reset</c>), if it said.</summary>
        public DateTimeOffset? RetryAt { get; }

        /// <summary>Scalekit's <c>validation_error_info.field_violations</c>: which fields of the request it refused, and why.</summary>
        public IReadOnlyList<ApiFieldViolation> FieldViolations { get; }

        /// <summary>
        /// The request may or may not have taken effect (no answer, a timeout, a 5xx on a write):
        /// a caller that must not repeat a create looks the object up instead of sending it again.
        /// </summary>
        public bool OutcomeUnknown { get; }

        /// <summary>
        /// Set on a write built from a read (<see cref="ApiRequest.BuiltFromRead"/>) that the transport
        /// would have retried after this wait but did not send again: the caller waits, reads again,
        /// merges again and writes again.
        /// </summary>
        public TimeSpan? RetryAfter { get; }

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

        private static string Describe(string service, string method, string path, int? statusCode, string? errorCode, string apiMessage, DateTimeOffset? retryAt)
        {
            var status = statusCode is int code ? $"{code} {(HttpStatusCode)code}" : "no answer";
            var suffix = errorCode is null ? "" : $" ({errorCode})";
            var retry = retryAt is DateTimeOffset at ? $"; {service} asks to retry after {RetryDelay.When(at, DateTimeOffset.UtcNow)}" : "";
            return $"{service} {method} {path} failed: {status}: {apiMessage}{suffix}{retry}";
        }
    }

    /// <summary>One refused field of a request, as Scalekit's ErrorInfo names it.</summary>
    public sealed class ApiFieldViolation
    {
        public ApiFieldViolation(string field, string description, string constraint)
        {
            Field = field;
            Description = description;
            Constraint = constraint;
        }

        public string Field { get; }

        public string Description { get; }

        public string Constraint { get; }

        public override string ToString() => $"{Field}: {Description}";
    }
}
