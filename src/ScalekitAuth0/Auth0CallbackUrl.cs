using System;

namespace ScalekitAuth0
{
    /// <summary>Which of the tenant's hosts a callback URL is on.</summary>
    public enum CallbackUrlSource
    {
        /// <summary>The tenant's own Auth0 domain.</summary>
        Canonical,

        /// <summary>A custom domain of the tenant whose status is ready.</summary>
        CustomDomain,
    }

    /// <summary>
    /// A URL Auth0 sends users back to after Scalekit signed them in. Scalekit must allow it as a
    /// redirect URI, or the login fails with invalid_redirect_uri.
    /// </summary>
    public sealed class Auth0CallbackUrl
    {
        public string Url { get; private set; } = "";

        /// <summary>The host the URL is on.</summary>
        public string Domain { get; private set; } = "";

        public CallbackUrlSource Source { get; private set; }

        /// <summary>The Auth0 tenant's domain, as the Auth0 connection shows it.</summary>
        public string Tenant { get; private set; } = "";

        internal static Auth0CallbackUrl On(Uri url, CallbackUrlSource source, string tenant) => new Auth0CallbackUrl
        {
            Url = url.AbsoluteUri,
            Domain = url.Host,
            Source = source,
            Tenant = tenant,
        };

        /// <summary>The URL itself, so the object can be given wherever a callback URL string is wanted.</summary>
        public override string ToString() => Url;
    }
}
