using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Auth0
{
    /// <summary>
    /// What turning a connection on or off for some applications would change, worked out from the
    /// connection's current enabled clients: only the applications whose status differs are sent,
    /// so a re-run sends nothing and -WhatIf can say exactly what would happen.
    /// </summary>
    internal sealed class EnabledClientsChange
    {
        /// <summary>How many applications -WhatIf and -Confirm name before summing up the rest.</summary>
        private const int NamedInDescription = 10;

        internal EnabledClientsChange(string connectionId, bool enable, IReadOnlyList<string> current, IEnumerable<Auth0Application> applications)
        {
            ConnectionId = connectionId;
            Enable = enable;
            var enabled = new HashSet<string>(current, StringComparer.Ordinal);
            Changing = applications
                .GroupBy(a => a.ClientId, StringComparer.Ordinal).Select(g => g.First())
                .Where(a => enabled.Contains(a.ClientId) != enable)
                .ToList();
            var changing = new HashSet<string>(Changing.Select(a => a.ClientId), StringComparer.Ordinal);
            EnabledAfter = enable
                ? current.Concat(Changing.Select(a => a.ClientId)).ToArray()
                : current.Where(id => !changing.Contains(id)).ToArray();
        }

        public string ConnectionId { get; }

        public bool Enable { get; }

        /// <summary>The applications whose status this change sets; empty when all are already as asked.</summary>
        public IReadOnlyList<Auth0Application> Changing { get; }

        public bool IsEmpty => Changing.Count == 0;

        /// <summary>
        /// The connection's enabled client ids once the change is made, computed rather than read
        /// back: the PATCH is a delta that touches only the listed clients, so what others changed
        /// meanwhile is not lost, and a read-back would cost a request per 1000 clients for nothing.
        /// </summary>
        public string[] EnabledAfter { get; }

        /// <summary>For -WhatIf and -Confirm: what would be sent, in the user's terms.</summary>
        public string Describe()
        {
            var named = string.Join(", ", Changing.Take(NamedInDescription));
            var rest = Changing.Count > NamedInDescription ? $" and {Changing.Count - NamedInDescription} more" : "";
            return $"{(Enable ? "Enable" : "Disable")} for {Changing.Count} application(s): {named}{rest}";
        }

        /// <summary>The PATCH bodies: arrays of <c>{client_id, status}</c>, at most <paramref name="size"/> each (Auth0 refuses more than 50).</summary>
        internal IEnumerable<JArray> Batches(int size)
        {
            for (var start = 0; start < Changing.Count; start += size)
            {
                yield return new JArray(Changing.Skip(start).Take(size).Select(a => new JObject { ["client_id"] = a.ClientId, ["status"] = Enable }));
            }
        }
    }
}
