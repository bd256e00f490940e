using System;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Integration
{
    /// <summary>
    /// Whether an Auth0 connection points at Scalekit, so the cmdlets named for Scalekit never change a
    /// Google or Okta OIDC connection of the same tenant: its issuer is the connected Scalekit
    /// environment's, or it carries the marker New-ScalekitConnection writes into its metadata (and
    /// its issuer, when the token may read it, is the environment the marker names). The marker lets a
    /// connection of another environment (tenant B's, read in a two-tenant script) be acted on too.
    /// </summary>
    internal static class ScalekitOwnership
    {
        /// <summary>The connection metadata key that holds the Scalekit environment URL the connection was made for.</summary>
        public const string MarkerKey = "scalekit_environment";

        /// <summary>The connection's metadata with the marker set, every other key kept (Auth0 replaces metadata wholesale).</summary>
        public static JObject Marked(JObject? metadata, string environmentUrl)
        {
            var marked = (JObject?)metadata?.DeepClone() ?? new JObject();
            marked[MarkerKey] = environmentUrl;
            return marked;
        }

        public static bool PointsAtScalekit(Auth0Connection connection, string? environmentUrl) => Refusal(connection, environmentUrl) is null;

        /// <summary>Null when the connection points at Scalekit; otherwise the NotAScalekitConnection refusal, naming its issuer.</summary>
        public static ScalekitAuth0Exception? Refusal(Auth0Connection connection, string? environmentUrl)
        {
            var issuer = connection.Option("issuer");
            var marker = (string?)(connection.Json["metadata"] as JObject)?[MarkerKey];
            // The issuer is hidden from a token without read:connections_options; the marker never is.
            var marked = !string.IsNullOrEmpty(marker) && (issuer is null || SameEnvironment(issuer, marker!));
            if (connection.Strategy == "oidc" && (marked || (environmentUrl is not null && SameEnvironment(issuer, environmentUrl))))
            {
                return null;
            }
            var shown = issuer is null ? (connection.Options is null ? "hidden from this token" : "none") : $"'{ShownText.Printable(issuer)}'";
            var expected = environmentUrl is null ? "Scalekit (it carries no marker of New-ScalekitConnection)" : $"the Scalekit environment {environmentUrl}";
            return new ScalekitAuth0Exception("NotAScalekitConnection", ApiErrorKind.BadRequest,
                $"Auth0 connection '{connection.Name}' ({connection.Strategy}) does not point at {expected}: its issuer is {shown}. Nothing was changed.",
                "Name the Scalekit connection (Get-ScalekitConnection lists them), connect to the Scalekit environment it points at, or pass -Force to change this connection anyway.");
        }

        private static bool SameEnvironment(string? url, string environmentUrl) =>
            url is not null && string.Equals(url.TrimEnd('/'), environmentUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
