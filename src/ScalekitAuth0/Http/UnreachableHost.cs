using System;
using System.Net;
using System.Net.Sockets;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// A host no connection could be made to: its name did not resolve, or it refused or could not
    /// be reached. Told apart from other transport failures because the fix is the address or DNS,
    /// not the credentials, and because asking DNS again and again for a mistyped name only wastes time.
    /// </summary>
    public sealed class UnreachableHost
    {
        private UnreachableHost(string host, bool nameNotResolved)
        {
            Host = host;
            NameNotResolved = nameNotResolved;
        }

        /// <summary>The host name when it did not resolve; the host and port when the connection was refused.</summary>
        public string Host { get; }

        public bool NameNotResolved { get; }

        /// <summary>
        /// Null unless the exception chain of a failed request to <paramref name="uri"/> says that no
        /// connection was made: a <see cref="SocketException"/> (.NET Core and later), or a
        /// <see cref="WebException"/> status (.NET Framework, under Windows PowerShell 5.1).
        /// </summary>
        public static UnreachableHost? Of(Exception error, Uri uri)
        {
            for (var cause = error; cause is not null; cause = cause.InnerException)
            {
                switch (cause)
                {
                    case SocketException socket when IsNameNotResolved(socket.SocketErrorCode):
                    case WebException { Status: WebExceptionStatus.NameResolutionFailure }:
                        return new UnreachableHost(uri.Host, nameNotResolved: true);
                    case SocketException socket when IsNotReached(socket.SocketErrorCode):
                    case WebException { Status: WebExceptionStatus.ConnectFailure }:
                        return new UnreachableHost(uri.Authority, nameNotResolved: false);
                }
            }
            return null;
        }

        /// <summary>What happened, for the error message and the verbose trace.</summary>
        public string Describe() => NameNotResolved
            ? $"the host name '{Host}' could not be resolved (DNS)"
            : $"'{Host}' refused the connection or could not be reached";

        public string Advice(string service) => NameNotResolved
            ? $"Check that '{Host}' is the right {service} domain (a typing error?) and that this machine's DNS resolves it (nslookup {Host})."
            : $"Check the {service} address '{Host}' (domain and port) and its DNS entry, and that this machine can reach it (firewall, proxy).";

        private static bool IsNameNotResolved(SocketError error) =>
            error == SocketError.HostNotFound || error == SocketError.NoData || error == SocketError.TryAgain || error == SocketError.NoRecovery;

        private static bool IsNotReached(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostUnreachable || error == SocketError.NetworkUnreachable
            || error == SocketError.HostDown || error == SocketError.NetworkDown;
    }
}
