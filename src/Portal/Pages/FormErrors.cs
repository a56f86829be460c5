using Certification.Common;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Certification.Portal.Pages;

internal static class FormErrors
{
    /// <summary>Shows each broken rule next to its field (prefixed as the form names it) in the user's language.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, ErrorText text, string prefix)
    {
        foreach (var error in errors)
        {
            var key = error.Field is "Version" or "Id" ? string.Empty : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, text.For(error.Code));
        }
    }
}
