using System.Globalization;
using Certification.Common;
using Certification.Domain;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

/// <summary>Turns the error codes grains and rules return into sentences in the user's language.</summary>
public sealed class ErrorText(IStringLocalizer<SharedResource> text)
{
    public string For(string code) => code switch
    {
        ErrorCodes.NipTaken => text["Klient z tym numerem NIP już istnieje."],
        _ when IsIdentifierCode(code) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl"
            ? PolishIdentifierMessages.Polish(code)
            : PolishIdentifierMessages.English(code),
        ErrorCodes.Required => text["To pole jest wymagane."],
        ErrorCodes.TooLong => text["Wartość jest za długa."],
        ErrorCodes.EmailFormat => text["Podaj adres e-mail w postaci nazwa@domena.pl."],
        ErrorCodes.PhoneFormat => text["Podaj numer telefonu złożony z cyfr (co najmniej 9), np. +48 61 123 45 67."],
        ErrorCodes.PostalCodeFormat => text["Kod pocztowy ma postać 00-000."],
        ErrorCodes.VersionConflict => text["Ktoś zmienił te dane, gdy je edytowałeś. Otwórz je ponownie i nanieś zmiany jeszcze raz."],
        ErrorCodes.NotFound => text["Nie znaleziono rekordu."],
        ErrorCodes.AlreadyExists => text["Taki rekord już istnieje."],
        ErrorCodes.UnknownClient => text["Wybrany klient nie istnieje."],
        ErrorCodes.UnitDuplicate => text["Nazwy jednostek nie mogą się powtarzać."],
        Accounts.AccountRules.PasswordTooShort => text["Hasło musi mieć co najmniej 10 znaków."],
        Accounts.AccountRules.PasswordIsEmail => text["Hasło nie może być takie samo jak adres e-mail."],
        Accounts.AccountRules.RolesRequired => text["Wybierz co najmniej jedną rolę."],
        Accounts.AccountRules.RoleUnknown => text["Nieznana rola."],
        Accounts.AccountRules.PartnerNeedsClient => text["Administrator podmiotu musi mieć wskazaną organizację."],
        Accounts.AccountRules.EmailTaken => text["Konto z tym adresem e-mail już istnieje."],
        Accounts.AccountRules.LastSystemAdmin => text["Nie można odebrać roli ostatniemu aktywnemu administratorowi systemu."],
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No text for this error code."),
    };

    private static bool IsIdentifierCode(string code) =>
        code.StartsWith("nip.", StringComparison.Ordinal) ||
        code.StartsWith("regon.", StringComparison.Ordinal) ||
        code.StartsWith("pesel.", StringComparison.Ordinal);
}
