using System;
using System.Collections.Generic;
using System.Linq;

namespace ScalekitAuth0.Scalekit
{
    /// <summary>
    /// URIs to allow or to stop allowing, applied to whatever list the client has at the time, so
    /// every URI someone else put there stays, in its place. URIs are compared exactly, after trimming.
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

        public static RedirectUriChange Adding(IEnumerable<string> uris) => new RedirectUriChange(Trimmed(uris), new string[0]);

        public static RedirectUriChange Removing(IEnumerable<string> uris) => new RedirectUriChange(new string[0], Trimmed(uris));

        /// <summary>The list to write: the current one without the removed URIs, then each missing one in the order given.</summary>
        public IReadOnlyList<string> ApplyTo(IReadOnlyList<string> current)
        {
            var present = new HashSet<string>(current.Select(u => u.Trim()), StringComparer.Ordinal);
            var result = current.Where(u => !_remove.Contains(u.Trim(), StringComparer.Ordinal)).ToList();
            result.AddRange(_add.Where(u => !present.Contains(u)));
            return result;
        }

        public bool IsSatisfiedBy(IReadOnlyList<string> current) => ApplyTo(current).SequenceEqual(current, StringComparer.Ordinal);

        private static string[] Trimmed(IEnumerable<string> uris) => uris.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }
}
