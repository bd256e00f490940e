using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace ScalekitAuth0.PowerShellSupport
{
    /// <summary>
    /// Takes text and only text. PowerShell would otherwise bind a piped object that has no property
    /// of the parameter's name by its string form, so a CSV row became the domain
    /// '@{Organization=…}'. An object is refused naming its type and what to pipe instead, unless it
    /// has a property of the parameter's name: PowerShell tries the object itself first, and then
    /// binds that property.
    /// </summary>
    public sealed class TextOnlyAttribute : ArgumentTransformationAttribute
    {
        public TextOnlyAttribute(string propertyName, string advice)
        {
            PropertyName = propertyName;
            Advice = advice;
        }

        /// <summary>The parameter's name: a piped object with this property binds it by name instead.</summary>
        public string PropertyName { get; }

        /// <summary>What to give instead, ending the error message.</summary>
        public string Advice { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is not null && !(Unwrapped(inputData) is string) && PSObject.AsPSObject(inputData).Properties[PropertyName] is not null)
            {
                return inputData;
            }
            var value = Unwrapped(inputData);
            var items = value is string || !(value is IEnumerable many) ? new[] { value } : many.Cast<object?>().Select(Unwrapped);
            var notText = items.FirstOrDefault(item => item is not null && !(item is string));
            if (notText is not null)
            {
                throw new ArgumentTransformationMetadataException($"A {notText.GetType().Name} is not text, and its string form is not used. {Advice}");
            }
            return inputData;
        }

        private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
