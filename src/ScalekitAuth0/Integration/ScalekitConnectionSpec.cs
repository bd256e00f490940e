using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Integration
{
    /// <summary>
    /// The Auth0 connection a Scalekit environment calls for, and how it differs from one that exists.
    /// The request is what Auth0's schema wants, not what Scalekit's guide shows: <c>scope</c> as a
    /// string, <c>back_channel</c>, explicit issuer and endpoints, no JSON nulls, and the user's email
    /// forwarded as <c>login_hint</c> so Scalekit can route by its domain.
    /// </summary>
    internal sealed class ScalekitConnectionSpec : IConnectionChange
    {
        public const string DefaultScope = "openid profile email";

        public ScalekitConnectionSpec(string name, string environmentUrl, OidcDiscovery discovery, string clientId, SecureString clientSecret)
        {
            Name = name;
            EnvironmentUrl = environmentUrl;
            Discovery = discovery;
            ClientId = clientId;
            ClientSecret = clientSecret;
        }

        public string Name { get; }

        /// <summary>Written as the connection's marker (<see cref="ScalekitOwnership"/>).</summary>
        public string EnvironmentUrl { get; }
        public OidcDiscovery Discovery { get; }
        public string ClientId { get; }
        public SecureString ClientSecret { get; }
        public string? DisplayName { get; set; }
        public string Scope { get; set; } = DefaultScope;
        public bool? ShowAsButton { get; set; }
        public IReadOnlyList<string> HrdDomains { get; set; } = Array.Empty<string>();

        /// <summary>Whether the scope asks for an ID token, as OpenID Connect requires.</summary>
        public static bool IncludesOpenId(string? scope) => (scope ?? "").Split(' ').Contains("openid");

        /// <summary>A -Scope without openid is refused before anything is read or written.</summary>
        public static void RequireOpenId(string scope)
        {
            if (!IncludesOpenId(scope))
            {
                throw ScalekitAuth0Exception.InvalidArgument("InvalidScope", $"-Scope '{ShownText.Printable(scope)}' does not include 'openid', which OpenID Connect requires.", "Give space-separated scopes that include openid, such as 'openid profile email'.");
            }
        }

        public JObject CreateBody()
        {
            var body = new JObject
            {
                ["name"] = Name,
                ["strategy"] = "oidc",
                ["options"] = Options(new JObject()),
                ["metadata"] = ScalekitOwnership.Marked(null, EnvironmentUrl),
            };
            AddTopLevel(body);
            return body;
        }

        /// <summary>Whether New-ScalekitConnection -Force has nothing left to change (read back by the checked write).</summary>
        public bool IsShownBy(Auth0Connection connection) => Differences(connection).Count == 0;

        /// <summary>A PATCH that keeps every option Auth0 holds (secrets, other upstream parameters, unknown keys) and sets ours.</summary>
        public JObject BodyFor(Auth0Connection existing)
        {
            var write = ConnectionOptionsWrite.Of(existing, "; updating it now would erase them");
            Options(write.Options);
            var body = write.Body();
            body["metadata"] = ScalekitOwnership.Marked(existing.Json["metadata"] as JObject, EnvironmentUrl);
            AddTopLevel(body);
            return body;
        }

        public Exception Lost(Auth0Connection connection, int writes) => ConnectionEditor.SettingsLost(connection, writes);

        /// <summary>The settings in which <paramref name="existing"/> differs from this spec; empty when it already is what we would create.</summary>
        public IReadOnlyList<string> Differences(Auth0Connection existing)
        {
            var differences = new List<string>();
            if (existing.Strategy != "oidc")
            {
                differences.Add($"strategy ({existing.Strategy}, not oidc)");
                return differences;
            }
            var desired = Options(new JObject());
            foreach (var property in desired.Properties())
            {
                if (property.Name == "domain_aliases")
                {
                    if (HrdDomains.Except(existing.DomainAliases, StringComparer.Ordinal).Any())
                    {
                        differences.Add("domain_aliases");
                    }
                }
                else if (property.Name == "scope")
                {
                    if (!ScopeSet(existing.Option("scope")).SetEquals(ScopeSet(Scope)))
                    {
                        differences.Add("scope");
                    }
                }
                else if (property.Name == "upstream_params")
                {
                    if (!JToken.DeepEquals(existing.UpstreamParam("login_hint"), property.Value["login_hint"]))
                    {
                        differences.Add("upstream_params.login_hint");
                    }
                }
                else if (!JToken.DeepEquals(existing.Options?[property.Name], property.Value))
                {
                    differences.Add(property.Name);
                }
            }
            if (DisplayName is not null && existing.DisplayName != DisplayName)
            {
                differences.Add("display_name");
            }
            if (ShowAsButton is bool show && existing.ShowAsButton != show)
            {
                differences.Add("show_as_button");
            }
            return differences;
        }

        private JObject Options(JObject options)
        {
            options["type"] = "back_channel";
            options["client_id"] = ClientId;
            options["client_secret"] = Secret.Reveal(ClientSecret);
            options["discovery_url"] = Discovery.DiscoveryUrl;
            options["issuer"] = Discovery.Issuer;
            options["authorization_endpoint"] = Discovery.AuthorizationEndpoint;
            options["token_endpoint"] = Discovery.TokenEndpoint;
            options["jwks_uri"] = Discovery.JwksUri;
            if (Discovery.UserinfoEndpoint is not null)
            {
                options["userinfo_endpoint"] = Discovery.UserinfoEndpoint;
            }
            options["scope"] = Scope;
            var upstream = options["upstream_params"] as JObject ?? new JObject();
            upstream["login_hint"] = new JObject { ["alias"] = "login_hint" };
            options["upstream_params"] = upstream;
            if (HrdDomains.Count > 0)
            {
                // Only the text entries: one another tool left malformed (an object) cannot be cast, and Auth0 would refuse it back.
                var aliases = (options["domain_aliases"] as JArray)?.Where(t => t.Type == JTokenType.String).Select(t => (string)t!) ?? Enumerable.Empty<string>();
                options["domain_aliases"] = new JArray(aliases.Union(HrdDomains, StringComparer.Ordinal).Cast<object>().ToArray());
            }
            return options;
        }

        private void AddTopLevel(JObject body)
        {
            if (DisplayName is not null)
            {
                body["display_name"] = DisplayName;
            }
            if (ShowAsButton is bool show)
            {
                body["show_as_button"] = show;
            }
        }

        private static HashSet<string> ScopeSet(string? scope) =>
            new HashSet<string>((scope ?? "").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }
}
