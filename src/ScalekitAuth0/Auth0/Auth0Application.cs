namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// An Auth0 application (a "client" in the Management API), reduced to what turning a
    /// connection on for it needs (its id, and the name users know it by) and what a login to it
    /// needs (the callback URLs Auth0 may send a user back to).
    /// </summary>
    internal sealed class Auth0Application
    {
        public Auth0Application(string clientId, string name, System.Collections.Generic.IReadOnlyList<string>? callbacks = null, string? appType = null)
        {
            ClientId = clientId;
            Name = name;
            Callbacks = callbacks ?? new string[0];
            AppType = appType;
        }

        public string ClientId { get; }

        public string Name { get; }

        /// <summary>The application's allowed callback URLs (<c>callbacks</c>), in Auth0's order.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Callbacks { get; }

        /// <summary><c>regular_web</c>, <c>spa</c>, <c>native</c>, or <c>non_interactive</c> (machine to machine: no user ever signs in to it).</summary>
        public string? AppType { get; }

        public bool IsMachineToMachine => AppType == "non_interactive";

        public override string ToString() => $"'{Name}' ({ClientId})";
    }
}
