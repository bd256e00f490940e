using System.Collections.Generic;
using System.Security;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Integration
{
    /// <summary>
    /// What Set-ScalekitConnection changes on an existing connection: only the settings given, each
    /// only when it differs, written as one whole-options PATCH (<see cref="ConnectionOptionsWrite"/>).
    /// </summary>
    internal sealed class ScalekitConnectionChange
    {
        public string? DisplayName { get; set; }

        /// <summary>Checked with <see cref="ScalekitConnectionSpec.RequireOpenId"/> before the connection is read.</summary>
        public string? Scope { get; set; }

        public bool? ShowAsButton { get; set; }

        /// <summary>The Scalekit client secret after a rotation in Scalekit.</summary>
        public SecureString? ClientSecret { get; set; }

        /// <summary>The PATCH body for the connection as read, and each setting in which it differs with its new value ("display_name to 'Company SSO'"); nothing to write when there are none.</summary>
        public (JObject Body, IReadOnlyList<string> Changes) For(Auth0Connection connection)
        {
            var write = ConnectionOptionsWrite.Of(connection, "; changing it now would erase them");
            var changes = new List<string>();
            if (Scope is not null && connection.Option("scope") != Scope)
            {
                write.Options["scope"] = Scope;
                changes.Add($"scope to '{Scope}'");
            }
            if (ClientSecret is not null && connection.Option("client_secret") != Secret.Reveal(ClientSecret))
            {
                write.Options["client_secret"] = Secret.Reveal(ClientSecret);
                changes.Add("client_secret to the new secret (not shown)");
            }
            if (DisplayName is not null && DisplayName != write.DisplayName)
            {
                write.DisplayName = DisplayName;
                changes.Add($"display_name to '{DisplayName}'");
            }
            var body = write.Body();
            if (ShowAsButton is bool show && connection.ShowAsButton != show)
            {
                body["show_as_button"] = show;
                changes.Add($"show_as_button to {(show ? "true" : "false")}");
            }
            return (body, changes);
        }
    }
}
