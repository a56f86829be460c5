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
            // Errors about the record as a whole go under the form's own prefix: that is what the
            // form partial's validation summary lists (it is rendered for the prefixed model).
            var key = error.Field is "Version" or "Id" ? prefix : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, text.For(error.Code));
        }
    }
}
