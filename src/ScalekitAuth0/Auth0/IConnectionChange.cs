using System;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// A change to a connection that goes through the whole-options write, as an intent rather than a
    /// body: <see cref="ConnectionEditor"/> merges it onto every fresh read, so whichever writer lands
    /// last, the other's change is put back on top of it.
    /// </summary>
    internal interface IConnectionChange
    {
        /// <summary>Whether the connection as read already shows the change.</summary>
        bool IsShownBy(Auth0Connection connection);

        /// <summary>The PATCH body: the connection's whole options and display name (<see cref="ConnectionOptionsWrite"/>) with the change merged on.</summary>
        JObject BodyFor(Auth0Connection connection);

        /// <summary>The error when a concurrent writer kept dropping the change, after that many writes.</summary>
        Exception Lost(Auth0Connection connection, int writes);
    }
}
