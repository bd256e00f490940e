using System.Management.Automation;
using ScalekitAuth0.Hrd;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>An email domain given to a command that starts routing it (Add-HrdDomain, New-ScalekitConnection -HrdDomain).</summary>
    internal static class RoutableDomainInput
    {
        /// <summary>Its normal form; refused when it would route everyone unless <paramref name="force"/>; a warning when it mixes look-alike scripts.</summary>
        public static string Accept(Cmdlet cmdlet, string domain, string parameterName, bool force)
        {
            var normal = DomainName.NormalizeRoutable(domain, parameterName, force);
            if (DomainName.MixedScriptLabel(normal) is string label)
            {
                cmdlet.WriteWarning($"-{parameterName} '{normal}' mixes Latin, Greek or Cyrillic letters in '{label}': it is another domain than the one it looks like. Make sure it is the customer's domain.");
            }
            return normal;
        }
    }
}
