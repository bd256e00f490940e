using System.Collections.Generic;

namespace ScalekitAuth0
{
    /// <summary>How far a login got, in the order a browser meets them.</summary>
    public enum LoginProbeStage
    {
        /// <summary>The settings that decide whether Auth0 sends the address to the connection at all.</summary>
        Routing,

        /// <summary>Auth0's /authorize, which should send the browser on to Scalekit.</summary>
        Auth0,

        /// <summary>Scalekit's /oauth/authorize, which should send the browser on to the customer's identity provider.</summary>
        Scalekit,

        /// <summary>The customer's identity provider: the login works up to the user's own sign-in.</summary>
        IdentityProvider,
    }

    public enum LoginProbeStatus
    {
        Pass,
        Fail,
    }

    /// <summary>One request the probe made, as a browser would have made it.</summary>
    public sealed class LoginProbeHop
    {
        internal LoginProbeHop(string method, string url, int status, string location)
        {
            Method = method;
            Url = url;
            Status = status;
            Location = location;
        }

        public string Method { get; }

        /// <summary>With <c>state</c> and <c>nonce</c> masked.</summary>
        public string Url { get; }

        public int Status { get; }

        /// <summary>Where the answer redirected to, masked the same way; empty when it did not redirect.</summary>
        public string Location { get; }

        public override string ToString() => $"{Method} {Url} -> {Status}" + (Location.Length == 0 ? "" : " " + Location);
    }

    /// <summary>
    /// Where the login of one email address through the connection would stop, found without a
    /// browser and without credentials: Pass means a browser would reach the customer's identity provider.
    /// </summary>
    public sealed class ScalekitLoginProbe
    {
        internal ScalekitLoginProbe(string email, string connection, string application, LoginProbeStage stage, LoginProbeStatus status,
            string detail, string fix, string identityProvider, IReadOnlyList<LoginProbeHop> hops, string tenant)
        {
            Email = email;
            Domain = email.Substring(email.LastIndexOf('@') + 1);
            Connection = connection;
            Application = application;
            Stage = stage;
            Status = status;
            Detail = detail;
            Fix = fix;
            IdentityProvider = identityProvider;
            Hops = hops;
            Tenant = tenant;
        }

        public string Email { get; }

        public string Domain { get; }

        /// <summary>The Auth0 connection the login was expected to go through.</summary>
        public string Connection { get; }

        /// <summary>The Auth0 application the login started from; empty when none could be chosen.</summary>
        public string Application { get; }

        /// <summary>The stage the login reached: where it stops when it fails.</summary>
        public LoginProbeStage Stage { get; }

        public LoginProbeStatus Status { get; }

        public string Detail { get; }

        /// <summary>The command (or the step) that fixes it; empty when the probe passed.</summary>
        public string Fix { get; }

        /// <summary>The host of the customer's identity provider the browser would reach; empty unless it passed.</summary>
        public string IdentityProvider { get; }

        public IReadOnlyList<LoginProbeHop> Hops { get; }

        /// <summary>The Auth0 tenant's domain.</summary>
        public string Tenant { get; }

        public override string ToString() => $"{Email}: {Status} at {Stage}";
    }
}
