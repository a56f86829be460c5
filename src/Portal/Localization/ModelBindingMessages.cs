using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

/// <summary>
/// The messages of model binding (text typed into a number field, a missing value) in the user's language: the
/// framework's own are English only. The localizer is asked when a message is needed, so it follows the request's culture.
/// </summary>
internal static class ModelBindingMessages
{
    public static void Localize(MvcOptions options, IStringLocalizer<SharedResource> text)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Wartość „{0}” jest nieprawidłowa.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Wartość „{0}” jest nieprawidłowa.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Wartość jest nieprawidłowa."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Wartość jest nieprawidłowa."]);
        messages.SetValueIsInvalidAccessor(value => text["Wartość „{0}” jest nieprawidłowa.", value]);
        messages.SetValueMustBeANumberAccessor(_ => text["Podaj liczbę."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Podaj liczbę."]);
        messages.SetValueMustNotBeNullAccessor(_ => text["To pole jest wymagane."]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["To pole jest wymagane."]);
        messages.SetMissingKeyOrValueAccessor(() => text["To pole jest wymagane."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["To pole jest wymagane."]);
    }
}
