namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// An Auth0 application (a "client" in the Management API), reduced to what turning a
    /// connection on for it needs: its id, and the name users know it by.
    /// </summary>
    internal sealed class Auth0Application
    {
        public Auth0Application(string clientId, string name, string? appType = null)
        {
            ClientId = clientId;
            Name = name;
            AppType = appType;
        }

        public string ClientId { get; }

        public string Name { get; }

        /// <summary><c>regular_web</c>, <c>spa</c>, <c>native</c>, or <c>non_interactive</c> (machine to machine: no user ever signs in to it).</summary>
        public string? AppType { get; }

        public bool IsMachineToMachine => AppType == "non_interactive";

        public override string ToString() => $"'{Name}' ({ClientId})";
    }
}
