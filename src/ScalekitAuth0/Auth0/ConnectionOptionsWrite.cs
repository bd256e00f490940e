using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// The one way this module writes a connection's options: Auth0 replaces <c>options</c> wholesale
    /// on a PATCH (whatever is left out is deleted) and resets <c>display_name</c> to the name when
    /// a PATCH leaves it out, so both are always sent whole, starting from the connection as read.
    /// </summary>
    internal sealed class ConnectionOptionsWrite
    {
        private ConnectionOptionsWrite(JObject options, string displayName)
        {
            Options = options;
            DisplayName = displayName;
        }

        /// <summary>A copy of every option the connection holds (secrets, unknown keys), to change in place.</summary>
        public JObject Options { get; }

        /// <summary>As the connection shows it, unless changed.</summary>
        public string DisplayName { get; set; }

        /// <param name="consequence">What the Auth0OptionsHidden refusal prevents, when the token may not read the options.</param>
        public static ConnectionOptionsWrite Of(Auth0Connection connection, string consequence)
        {
            var options = (JObject)connection.RequireOptions(consequence).DeepClone();
            // Auth0 derives oidc_metadata from discovery_url itself; a stale copy sent back would win.
            options.Remove("oidc_metadata");
            return new ConnectionOptionsWrite(options, connection.DisplayName ?? connection.Name);
        }

        /// <summary>The PATCH body; the caller may add other top-level settings (show_as_button).</summary>
        public JObject Body() => new JObject
        {
            ["options"] = Options,
            ["display_name"] = DisplayName,
        };
    }
}
