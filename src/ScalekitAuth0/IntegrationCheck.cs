namespace ScalekitAuth0
{
    public enum IntegrationStatus
    {
        Pass,

        /// <summary>Logins work, but not as well as they could (login_hint not forwarded, for example).</summary>
        Warn,

        /// <summary>Logins fail for some or all users, or the check could not be made.</summary>
        Fail,
    }

    /// <summary>One check of Test-ScalekitAuth0Integration: what was checked, how it went, and what to run when it did not pass.</summary>
    public sealed class IntegrationCheck
    {
        public IntegrationCheck(string connection, string check, IntegrationStatus status, string detail, string? fix = null)
        {
            Connection = connection;
            Check = check;
            Status = status;
            Detail = detail;
            Fix = fix ?? "";
        }

        /// <summary>The Auth0 connection the check was about.</summary>
        public string Connection { get; }

        /// <summary>A stable name (Discovery, ConnectionSettings, ...), for scripts to match on.</summary>
        public string Check { get; }

        public IntegrationStatus Status { get; }

        public string Detail { get; }

        /// <summary>The command to run to fix it; empty when the check passed.</summary>
        public string Fix { get; }

        public override string ToString() => $"{Check}: {Status}";
    }
}
