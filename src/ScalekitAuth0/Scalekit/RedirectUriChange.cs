using System;
using System.Collections.Generic;
using System.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>
    /// URIs to allow or to stop allowing, applied to whatever list the client has at the time, so
    /// every URI someone else put there stays, in its place. URIs are compared exactly, after trimming.
    /// URIs to allow are added in the order given while the list has room under Scalekit's cap;
    /// nothing already allowed is dropped to make room.
    /// </summary>
    internal sealed class RedirectUriChange
    {
        private readonly string[] _add;
        private readonly string[] _remove;

        private RedirectUriChange(string[] add, string[] remove)
        {
            _add = add;
            _remove = remove;
        }

        /// <summary>The URIs in the order they get the room left: the most wanted first.</summary>
        public static RedirectUriChange Adding(IEnumerable<string> uris) => new RedirectUriChange(Trimmed(uris), new string[0]);

        public static RedirectUriChange Removing(IEnumerable<string> uris) => new RedirectUriChange(new string[0], Trimmed(uris));

        /// <summary>The list to write: the current one without the removed URIs, then each missing one in the order given, as far as the cap allows.</summary>
        public IReadOnlyList<string> ApplyTo(IReadOnlyList<string> current)
        {
            var result = current.Where(u => !_remove.Contains(u.Trim(), StringComparer.Ordinal)).ToList();
            foreach (var uri in Missing(current))
            {
                if (result.Count < RedirectUri.MaxAllowed)
                {
                    result.Add(uri);
                }
            }
            return result;
        }

        /// <summary>The URIs to allow that <paramref name="current"/> does not have yet.</summary>
        public IReadOnlyList<string> Missing(IReadOnlyList<string> current)
        {
            var present = new HashSet<string>(current.Select(u => u.Trim()), StringComparer.Ordinal);
            return _add.Where(u => !present.Contains(u)).ToList();
        }

        /// <summary>The URIs to allow that do not fit into <paramref name="current"/> under the cap.</summary>
        public IReadOnlyList<string> LeftOut(IReadOnlyList<string> current) => Missing(ApplyTo(current));

        public bool IsSatisfiedBy(IReadOnlyList<string> current) => ApplyTo(current).SequenceEqual(current, StringComparer.Ordinal);

        private static string[] Trimmed(IEnumerable<string> uris) => uris.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }
}
