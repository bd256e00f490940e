using System;
using System.Management.Automation;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>Turns the module's exceptions into error records: a stable id, the right category, and what to do.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord For(Exception error, object? target)
        {
            var (errorId, kind) = error switch
            {
                ScalekitAuth0Exception module => (module.ErrorId, module.Kind),
                ApiException api => (ApiErrorId(api), api.Kind),
                _ => ("UnexpectedError", ApiErrorKind.Other),
            };
            var record = new ErrorRecord(error, errorId, Category(kind), target);
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = RecommendedAction(error) ?? string.Empty };
            return record;
        }

        /// <summary>What to do about a failure, as an error record (or a failed check) says it.</summary>
        public static string? RecommendedAction(Exception error) => error switch
        {
            ScalekitAuth0Exception module => module.RecommendedAction,
            ApiException api => Advice(api),
            _ => null,
        };

        /// <summary>Failures after which no other input of the same command can succeed.</summary>
        public static bool StopsCommand(Exception error) => error switch
        {
            ApiException api => api.Kind == ApiErrorKind.Unauthorized || api.IsInsufficientScope,
            ScalekitAuth0Exception module => module.Kind == ApiErrorKind.Unauthorized || module.Kind == ApiErrorKind.Forbidden,
            _ => true,
        };

        public static string ApiErrorId(ApiException e) => e.Service + (e.IsInsufficientScope ? "InsufficientScope" : e.Kind.ToString());

        public static ErrorCategory Category(ApiErrorKind kind) => kind switch
        {
            ApiErrorKind.BadRequest => ErrorCategory.InvalidArgument,
            ApiErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
            ApiErrorKind.Forbidden => ErrorCategory.PermissionDenied,
            ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ApiErrorKind.Conflict => ErrorCategory.ResourceExists,
            ApiErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            ApiErrorKind.Network => ErrorCategory.ConnectionError,
            ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ApiErrorKind.InvalidResponse => ErrorCategory.InvalidData,
            ApiErrorKind.ServerError => ErrorCategory.ConnectionError,
            _ => ErrorCategory.InvalidOperation,
        };

        private static string? Advice(ApiException e) => e.Kind switch
        {
            ApiErrorKind.Unauthorized => $"Run Connect-{e.Service} again with valid credentials.",
            ApiErrorKind.Forbidden when e.IsInsufficientScope => $"Grant the missing scope to the {e.Service} application ({e.ApiMessage}), then run Connect-{e.Service} again.",
            ApiErrorKind.RateLimited when e.RetryAt is DateTimeOffset at => $"{e.Service} will take requests again after {RetryDelay.When(at, DateTimeOffset.UtcNow)}; run the command again then.",
            ApiErrorKind.RateLimited => $"{e.Service} kept refusing for its rate limit; wait a minute and run the command again.",
            ApiErrorKind.Network when e.Unreachable is UnreachableHost host => host.Advice(e.Service),
            ApiErrorKind.ServerError or ApiErrorKind.Network or ApiErrorKind.Timeout =>
                e.OutcomeUnknown ? "The change may or may not have been made; run the same command again: it converges." : "Run the same command again.",
            _ => null,
        };
    }
}
