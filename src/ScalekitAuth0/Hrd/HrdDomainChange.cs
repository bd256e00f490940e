using System;
using System.Collections.Generic;
using System.Linq;

namespace ScalekitAuth0.Hrd
{
    /// <summary>
    /// What a command wants of a connection's Home Realm Discovery list, as an intent rather than a
    /// final list: it is applied again on top of whatever a concurrent writer left there.
    /// </summary>
    internal sealed class HrdDomainChange
    {
        private readonly List<string> _added;
        private readonly HashSet<string> _add;
        private readonly HashSet<string> _remove;
        private readonly bool _onlyAdded;

        private HrdDomainChange(IEnumerable<string> add, IEnumerable<string> remove, bool onlyAdded)
        {
            _add = new HashSet<string>(StringComparer.Ordinal);
            _added = add.Select(DomainName.Comparable).Where(_add.Add).ToList();
            _remove = new HashSet<string>(remove.Select(DomainName.Comparable), StringComparer.Ordinal);
            _onlyAdded = onlyAdded;
        }

        public static HrdDomainChange Adding(IEnumerable<string> domains) => new HrdDomainChange(domains, Enumerable.Empty<string>(), onlyAdded: false);

        public static HrdDomainChange Removing(IEnumerable<string> domains) => new HrdDomainChange(Enumerable.Empty<string>(), domains, onlyAdded: false);

        /// <summary>The list becomes exactly these domains (Sync-HrdDomain -Prune).</summary>
        public static HrdDomainChange Exactly(IEnumerable<string> domains) => new HrdDomainChange(domains, Enumerable.Empty<string>(), onlyAdded: true);

        /// <summary>The domains to add, in normal form, each once, in the order given.</summary>
        public IReadOnlyList<string> Added => _added;

        /// <param name="alias">An entry of the list, compared as <see cref="DomainName.Comparable"/>.</param>
        public bool Removes(string alias)
        {
            var key = DomainName.Comparable(alias);
            return _onlyAdded ? !_add.Contains(key) : _remove.Contains(key);
        }

        /// <summary>Whether <paramref name="aliases"/> already is what this change asks for.</summary>
        public bool IsSatisfiedBy(IEnumerable<string> aliases)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alias in aliases)
            {
                if (Removes(alias))
                {
                    return false;
                }
                present.Add(DomainName.Comparable(alias));
            }
            return _add.IsSubsetOf(present);
        }
    }
}
