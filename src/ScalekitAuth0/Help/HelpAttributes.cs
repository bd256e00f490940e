using System;

namespace ScalekitAuth0.Help
{
    /// <summary>
    /// The one source of a cmdlet's help, kept on the cmdlet itself; the build turns it (with each
    /// parameter's HelpMessage) into en-US/ScalekitAuth0.dll-help.xml.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class CmdletHelpAttribute : Attribute
    {
        public CmdletHelpAttribute(string synopsis, string description)
        {
            Synopsis = synopsis;
            Description = description;
        }

        public string Synopsis { get; }

        public string Description { get; }
    }

    /// <summary>One example for Get-Help -Examples: code a user can run, and what it does.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
    public sealed class CmdletExampleAttribute : Attribute
    {
        public CmdletExampleAttribute(string code, string remarks)
        {
            Code = code;
            Remarks = remarks;
        }

        public string Code { get; }

        public string Remarks { get; }
    }
}
