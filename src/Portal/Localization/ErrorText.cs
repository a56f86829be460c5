using System.Globalization;
using Certification.Common;
using Certification.Domain;
using Certification.Exams;
using Certification.Items;
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
        Accounts.AccountRules.CurrentPasswordWrong => text["Obecne hasło jest nieprawidłowe."],
        Accounts.AccountRules.PasswordUnchanged => text["Nowe hasło musi się różnić od obecnego."],
        Accounts.AccountRules.PasswordsDiffer => text["Powtórzone hasło różni się od nowego."],
        Accounts.AccountRules.LastSystemAdmin => text["Nie można odebrać roli ostatniemu aktywnemu administratorowi systemu."],
        AttemptCodes.NotPrepared => text["Test nie jest jeszcze przygotowany."],
        AttemptCodes.OpenedElsewhere => text["Test jest otwarty w innym miejscu."],
        AttemptCodes.Submitted => text["Test jest już zakończony."],
        AttemptCodes.Paused => text["Test jest wstrzymany."],
        AttemptCodes.NotStarted => text["Kandydat nie rozpoczął jeszcze testu."],
        AttemptCodes.BadQuestion => text["Nie ma takiego pytania."],
        AttemptCodes.BadOption => text["Nie ma takiej odpowiedzi."],
        AttemptCodes.OneOptionOnly => text["W tym pytaniu można wybrać tylko jedną odpowiedź."],
        AttemptCodes.ReasonRequired => text["Podaj powód (do 500 znaków)."],
        AttemptCodes.NotPaused => text["Test nie jest wstrzymany."],
        AttemptCodes.ExtensionRange => text["Przedłużenie musi wynosić od 1 do 120 minut."],
        ExamSessionGrain.UnknownQualification => text["Nieznana kwalifikacja."],
        Accounts.AccessCodes.NotOnRoster => text["Kod można wydać tylko osobie z listy kandydatów tej sesji."],
        ItemRules.UnknownOutcome => text["Nieznany efekt uczenia się."],
        ItemRules.NotTheoryCriterion => text["Wybierz kryterium sprawdzane testem teoretycznym."],
        ItemRules.OptionCount => text["Pytanie musi mieć od 2 do 8 odpowiedzi."],
        ItemRules.OptionIdsRepeat => text["Oznaczenia odpowiedzi nie mogą się powtarzać."],
        ItemRules.OneCorrect => text["Zaznacz dokładnie jedną poprawną odpowiedź."],
        ItemRules.SomeCorrect => text["Zaznacz co najmniej jedną poprawną odpowiedź, ale nie wszystkie."],
        ItemRules.TrueFalseOptions => text["Pytanie prawda/fałsz ma dokładnie dwie odpowiedzi."],
        ItemBankGrain.ItemIdFormat => text["Identyfikator: litera, potem litery, cyfry, - lub _ (do 40 znaków)."],
        ItemBankGrain.UnknownQualification => text["Nieznana kwalifikacja."],
        ExamSessionGrain.OperatorRequired => text["Wskaż operatora sesji."],
        ExamSessionGrain.NotScheduled => text["Sesję można zmieniać tylko przed jej otwarciem."],
        ExamSessionGrain.NotOpen => text["Sesja nie jest otwarta."],
        ExamSessionGrain.Closed => text["Sesja jest zamknięta."],
        ExamSessionGrain.NotClosed => text["Wyniki można udostępnić dopiero po zamknięciu sesji."],
        ExamSessionGrain.RosterEmpty => text["Dodaj kandydatów do sesji, zanim ją otworzysz."],
        ExamSessionGrain.UnknownPerson => text["Na liście jest osoba, której nie ma w CRM."],
        ExamSessionGrain.BankTooSmall => text["Bank pytań nie wystarcza do ułożenia testu według planu (za mało aktywnych pytań dla któregoś efektu)."],
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No text for this error code."),
    };

    private static bool IsIdentifierCode(string code) =>
        code.StartsWith("nip.", StringComparison.Ordinal) ||
        code.StartsWith("regon.", StringComparison.Ordinal) ||
        code.StartsWith("pesel.", StringComparison.Ordinal);
}
