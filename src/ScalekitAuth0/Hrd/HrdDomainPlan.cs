using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Hrd
{
    /// <summary>A change merged onto the connection as it was just read: the list to write and what differs.</summary>
    internal sealed class HrdDomainPlan
    {
        /// <summary>Auth0's limit on a connection's <c>domain_aliases</c>.</summary>
        public const int MaxDomains = 1000;

        private const string HiddenOptions = "; writing its domains now would erase them";

        private readonly Stopwatch _sinceRead = Stopwatch.StartNew();

        private HrdDomainPlan(Auth0Connection connection, HrdDomainChange change, IReadOnlyList<string> aliases, IReadOnlyList<string> added, IReadOnlyList<string> removed)
        {
            Connection = connection;
            Change = change;
            Aliases = aliases;
            Added = added;
            Removed = removed;
        }

        /// <summary>The connection as it was read.</summary>
        public Auth0Connection Connection { get; }

        public HrdDomainChange Change { get; }

        /// <summary>The whole list to write.</summary>
        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<string> Added { get; }

        /// <summary>The entries taken off, as they were spelled on the list.</summary>
        public IReadOnlyList<string> Removed { get; }

        public int Unchanged => Aliases.Count - Added.Count;

        public bool HasChanges => Added.Count > 0 || Removed.Count > 0;

        public TimeSpan Age => _sinceRead.Elapsed;

        /// <summary>
        /// Keeps every entry the change does not remove, as it is spelled, and appends the domains it
        /// adds that are not there yet. Refuses to hide options it cannot see, and to pass Auth0's limit.
        /// </summary>
        public static HrdDomainPlan Merge(Auth0Connection connection, HrdDomainChange change)
        {
            connection.RequireOptions(HiddenOptions);
            var kept = new List<string>();
            var removed = new List<string>();
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alias in connection.DomainAliases)
            {
                if (change.Removes(alias))
                {
                    removed.Add(alias);
                }
                else
                {
                    kept.Add(alias);
                    present.Add(DomainName.Comparable(alias));
                }
            }
            var added = change.Added.Where(d => !present.Contains(d)).ToList();
            var aliases = kept.Concat(added).ToList();
            if (added.Count > 0 && aliases.Count > MaxDomains)
            {
                throw LimitExceeded(connection, kept.Count, added.Count);
            }
            return new HrdDomainPlan(connection, change, aliases, added, removed);
        }

        private static ScalekitAuth0Exception LimitExceeded(Auth0Connection connection, int routed, int adding) =>
            new ScalekitAuth0Exception("HrdDomainLimitExceeded", ApiErrorKind.BadRequest,
                $"Auth0 connection '{connection.Name}' routes {routed} domain(s); adding {adding} more would pass Auth0's limit of {MaxDomains} per connection.",
                "Remove domains no organization uses (Sync-HrdDomain -Prune), or route some customers through another connection.");

        /// <summary>The whole options with the new list, and the display name (see <see cref="ConnectionOptionsWrite"/>).</summary>
        public JObject UpdateBody()
        {
            var write = ConnectionOptionsWrite.Of(Connection, HiddenOptions);
            write.Options["domain_aliases"] = new JArray(Aliases.Cast<object>().ToArray());
            return write.Body();
        }
    }
}
