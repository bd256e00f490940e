using System;
using System.Collections.Generic;
using System.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>
    /// Scalekit's cap on a client's allowed redirect URIs, in the one error the module gives for it,
    /// whether the module saw that the URIs would not fit or Scalekit refused the write.
    /// </summary>
    internal static class RedirectUriLimit
    {
        /// <param name="allowed">The client's list: as stored now when <paramref name="stored"/>, else as the change not written (-WhatIf) would leave it.</param>
        /// <param name="leftOut">The URIs to allow that the list has no room for.</param>
        public static ScalekitAuth0Exception Exceeded(string clientId, string field, IReadOnlyList<string> allowed, IReadOnlyList<string> leftOut, bool stored, ApiException? refusal = null)
        {
            var why = refusal is null
                ? $"Scalekit allows at most {RedirectUri.MaxAllowed} redirect URIs per client"
                : $"Scalekit refused to allow more redirect URIs on client {clientId} ({refusal.ApiMessage}); it documents a cap of {RedirectUri.MaxAllowed} per client";
            var list = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
            var state = stored
                ? $"The client allows {allowed.Count} now in {field}: {list}."
                : $"With this change the client would allow {allowed.Count} in {field}: {list}.";
            return new ScalekitAuth0Exception("ScalekitRedirectUriLimit", ApiErrorKind.BadRequest,
                $"{why}, so {(leftOut.Count == 1 ? "this callback URL was" : "these callback URLs were")} left out: {string.Join(", ", leftOut)}. {state}",
                $"Remove a redirect URI the client no longer uses (Remove-ScalekitRedirectUri -ClientId {clientId} -Uri <unused URI>), then run Sync-ScalekitRedirectUri again. Nothing already allowed is removed to make room.",
                refusal);
        }

        /// <summary>
        /// Whether Scalekit's 400 is its cap on <paramref name="field"/>: a field violation (or the
        /// message) naming the field and a maximum. Scalekit's exact wording is not documented, so
        /// any other refusal of the field (a URI it does not accept) stays the error it is.
        /// </summary>
        public static bool IsRefusal(ApiException error, string field) =>
            error.Kind == ApiErrorKind.BadRequest
            && (error.FieldViolations.Any(v => v.Field == field && NamesAMaximum(v.Description + " " + v.Constraint))
                || (error.ApiMessage.IndexOf(field, StringComparison.Ordinal) >= 0 && NamesAMaximum(error.ApiMessage)));

        private static bool NamesAMaximum(string text) =>
            new[] { "max", "no more than", "at most", "limit" }.Any(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
