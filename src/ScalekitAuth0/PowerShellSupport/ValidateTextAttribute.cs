using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// Refuses, before anything is sent, the text users paste by mistake into a name, an id or a URL:
    /// nothing at all, only white space, a control character (a NUL, a terminal escape, a line break
    /// from a copied cell) or a screenful. Otherwise such text reaches the API and comes back as a
    /// "not found" that hides the real mistake, or it creates something nobody can see to fix.
    /// PowerShell reports the refusal as ParameterArgumentValidationError, naming the parameter;
    /// the message shows control characters as \uXXXX and never repeats a long input.
    /// Objects that are not text (an organization object, say) pass untouched.
    /// </summary>
    public sealed class ValidateTextAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <summary>Longer than any id or name either service takes.</summary>
        public int MaxLength { get; set; } = 256;

        /// <summary>For parameters where empty means "take the default" (Connect's environment variables).</summary>
        public bool AllowEmpty { get; set; }

        protected override void ValidateElement(object element)
        {
            if (!((element is PSObject wrapped ? wrapped.BaseObject : element) is string text))
            {
                return;
            }
            if (text.Length == 0)
            {
                if (AllowEmpty)
                {
                    return;
                }
                throw new ValidationMetadataException("The argument is empty.");
            }
            if (text.Length > MaxLength)
            {
                throw new ValidationMetadataException($"The argument is {text.Length} characters long; at most {MaxLength} are allowed.");
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ValidationMetadataException($"The argument '{ShownText.Printable(text)}' is only white space.");
            }
            if (text.Any(char.IsControl))
            {
                throw new ValidationMetadataException($"The argument '{ShownText.Printable(text)}' contains a control character, probably pasted by mistake.");
            }
        }
    }
}
