using System;
using System.Diagnostics;
using System.Management.Automation;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// A progress bar for bulk work that costs nothing when nobody sees it: at most four updates a
    /// second (a host redraws every record it gets, which would slow a thousand-item run down), and
    /// none at all when $ProgressPreference (or -ProgressAction) is SilentlyContinue or Ignore.
    /// </summary>
    internal sealed class ThrottledProgress
    {
        private static readonly long Interval = Stopwatch.Frequency / 4;

        private readonly PSCmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly bool _shown;
        private readonly object _gate = new object();
        private long _next;
        private bool _written;

        public ThrottledProgress(PSCmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _record = new ProgressRecord(activityId, activity, "Starting");
            _shown = IsShown(cmdlet);
            _next = Stopwatch.GetTimestamp();
        }

        /// <summary>From any thread: whether an update is due now. Callers build the update only when it is.</summary>
        public bool IsDue()
        {
            if (!_shown)
            {
                return false;
            }
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (now < _next)
                {
                    return false;
                }
                _next = now + Interval;
                return true;
            }
        }

        /// <summary>Pipeline thread only.</summary>
        public void Write(int done, int total, string status)
        {
            _record.StatusDescription = status;
            _record.PercentComplete = total > 0 ? Math.Min(100, done * 100 / total) : -1;
            _record.RecordType = ProgressRecordType.Processing;
            _cmdlet.WriteProgress(_record);
            _written = true;
        }

        /// <summary>Pipeline thread only: takes the bar away once the work is over.</summary>
        public void Complete()
        {
            if (!_written)
            {
                return;
            }
            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
            _written = false;
        }

        private static bool IsShown(PSCmdlet cmdlet)
        {
            var preference = cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var bound)
                ? bound
                : cmdlet.GetVariableValue("ProgressPreference");
            return !(Enum.TryParse<ActionPreference>(preference?.ToString(), ignoreCase: true, out var value)
                && (value == ActionPreference.SilentlyContinue || value == ActionPreference.Ignore));
        }
    }
}
