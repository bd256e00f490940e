namespace ScalekitAuth0.Auth0
{
    /// <summary>The connection reads and writes Home Realm Discovery edits go through.</summary>
    public sealed partial class Auth0Client : IConnectionStore
    {
    }
}
