namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// An Auth0 application (a "client" in the Management API), reduced to what turning a
    /// connection on for it needs: its id, and the name users know it by.
    /// </summary>
    internal sealed class Auth0Application
    {
        public Auth0Application(string clientId, string name)
        {
            ClientId = clientId;
            Name = name;
        }

        public string ClientId { get; }

        public string Name { get; }

        public override string ToString() => $"'{Name}' ({ClientId})";
    }
}
