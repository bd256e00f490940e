using System;
using System.Net;

namespace ScalekitAuth0.Loading
{
    /// <summary>
    /// The TLS versions Auth0 and Scalekit need, added to what the process allows. Windows
    /// PowerShell 5.1 may still allow only SSL 3 and TLS 1.0, which both services refuse.
    /// </summary>
    internal static class TlsProtocols
    {
        /// <summary>
        /// TLS 1.2, and TLS 1.3 where this runtime's enum has it (.NET Framework 4.8 and .NET Core 3+):
        /// looked up by name because netstandard2.0 does not define it.
        /// </summary>
        public static SecurityProtocolType Required { get; } =
            SecurityProtocolType.Tls12 | (Enum.TryParse("Tls13", out SecurityProtocolType tls13) ? tls13 : 0);

        /// <summary>
        /// What the process allows with <paramref name="required"/> ORed in; nothing is removed.
        /// SystemDefault (0) is returned as it is: it lets the operating system choose, which already
        /// includes TLS 1.2 wherever it is set (it is .NET Core's default, and .NET Framework's for
        /// applications built for 4.7+), and naming versions instead would shut out newer ones.
        /// </summary>
        public static SecurityProtocolType Add(SecurityProtocolType current, SecurityProtocolType required) =>
            current == 0 ? current : current | required;
    }
}
