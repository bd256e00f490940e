using System;
using System.Collections.Generic;
using System.Linq;
using ScalekitAuth0.Scalekit;

namespace ScalekitAuth0
{
    /// <summary>What a change to a Scalekit client's allowed redirect URIs did (or, when nothing was needed, found).</summary>
    public sealed class ScalekitRedirectUriResult
    {
        /// <summary>The Scalekit client (<c>skc_...</c>) whose list this is.</summary>
        public string ClientId { get; private set; } = "";

        /// <summary><c>post_login_uris</c>, or <c>redirect_uris</c> on older Scalekit deployments.</summary>
        public string Field { get; private set; } = "";

        /// <summary>Allowed now and not before.</summary>
        public string[] Added { get; private set; } = new string[0];

        /// <summary>Allowed before and not now.</summary>
        public string[] Removed { get; private set; } = new string[0];

        /// <summary>Allowed before and still allowed.</summary>
        public string[] Unchanged { get; private set; } = new string[0];

        /// <summary>The whole list as it is now.</summary>
        public string[] RedirectUris { get; private set; } = new string[0];

        /// <summary>The context the client was read with. Shows no secret.</summary>
        public ScalekitContext? EnvironmentContext { get; private set; }

        public bool Changed => Added.Length > 0 || Removed.Length > 0;

        internal static ScalekitRedirectUriResult Compare(ScalekitClientInfo before, IReadOnlyList<string> after, ScalekitContext context)
        {
            var now = after.ToArray();
            return new ScalekitRedirectUriResult
            {
                EnvironmentContext = context,
                ClientId = before.Id,
                Field = before.RedirectUriField,
                Added = now.Except(before.RedirectUris, StringComparer.Ordinal).ToArray(),
                Removed = before.RedirectUris.Except(now, StringComparer.Ordinal).ToArray(),
                Unchanged = now.Intersect(before.RedirectUris, StringComparer.Ordinal).ToArray(),
                RedirectUris = now,
            };
        }

        /// <summary>The change in words, for -WhatIf and -Confirm.</summary>
        internal string Describe()
        {
            var parts = new List<string>();
            if (Added.Length > 0)
            {
                parts.Add($"Allow {string.Join(", ", Added)}");
            }
            if (Removed.Length > 0)
            {
                parts.Add($"Stop allowing {string.Join(", ", Removed)}");
            }
            return $"{string.Join("; ", parts)} (in {Field})";
        }
    }
}
