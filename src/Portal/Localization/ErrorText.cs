using System.Globalization;
using Certification.Assessment;
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
        Certification.Crm.EmploymentRules.DatesOrder => text["Data rozpoczęcia nowej pracy musi być późniejsza niż początek obecnej."],
        Certification.Crm.EmploymentRules.UntilBeforeStart => text["Ostatni dzień pracy nie może być wcześniejszy niż jej początek."],
        Certification.Crm.EmploymentRules.Overlap => text["Zatrudnienie nie może zaczynać się przed końcem poprzedniego."],
        Certification.Crm.EmploymentRules.Future => text["Data nie może być z przyszłości — zapisz zmianę w dniu, w którym nastąpiła."],
        Certification.Crm.EmploymentRules.NoCurrentJob => text["Ta osoba nie ma obecnie miejsca pracy."],
        Certification.Crm.EmploymentRules.Unchanged => text["Nowe zatrudnienie nie różni się od obecnego."],
        Certification.Crm.EmploymentRules.UseLeave => text["Aby zakończyć zatrudnienie, użyj „Odejście z organizacji”."],
        Certification.Crm.ContactNoteRules.InFuture => text["Wpis w przyszłości? Zapisuj to, co już się wydarzyło."],
        Certification.Crm.PersonGrain.NotOfPartner => text["Ta osoba nie należy do Twojej organizacji."],
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
        Training.SelfRegistration.TermsRequired => text["Aby się zapisać, zaakceptuj regulamin i informację o przetwarzaniu danych."],
        Training.SelfRegistration.EmailRequired => text["Podaj adres e-mail — wyślemy na niego potwierdzenie zapisu."],
        Certification.CustomFields.CustomFieldRules.ChoicesRequired => text["Pole wyboru potrzebuje co najmniej dwóch wartości."],
        Certification.CustomFields.CustomFieldRules.NotANumber => text["Podaj liczbę, np. 1250 lub 12,5."],
        Certification.CustomFields.CustomFieldRules.NotADate => text["Podaj datę, np. 2026-11-23."],
        Certification.CustomFields.CustomFieldRules.NotAChoice => text["Wybierz jedną z wartości z listy."],
        Certification.CustomFields.CustomFieldRules.NotYesNo => text["Wybierz tak albo nie."],
        Certification.CustomFields.CustomFieldRules.UnknownField => text["Nie ma takiego pola."],
        Certification.CustomFields.CustomFieldSetupGrain.EntityFixed => text["Pola nie można przenieść do innej kartoteki."],
        Certification.Consents.ConsentRules.UnknownPurpose => text["Nieznany cel zgody."],
        Certification.Consents.ConsentRules.SourceRequired => text["Podaj, skąd wiemy o decyzji (np. formularz, telefon)."],
        Certification.Training.TrainingOrderRules.CertificatesNotYet => text["Zaświadczenia wydaje się po realizacji szkolenia."],
        Certification.Training.OrderTypes.UnknownType => text["Nieznany rodzaj zlecenia."],
        Certification.Training.OrderTypes.IdFormat => text["Identyfikator: mała litera, potem małe litery, cyfry lub - (do 40 znaków)."],
        Certification.Training.OrderTypes.TooFewPhases => text["Rodzaj zlecenia musi mieć co najmniej dwie fazy."],
        Certification.Training.OrderTypes.PhaseRepeated => text["Identyfikatory faz nie mogą się powtarzać."],
        Certification.Training.OrderTypes.TransitionUnknownPhase => text["Przejście prowadzi z fazy lub do fazy, której nie ma."],
        Certification.Training.OrderRules.MeetingsRequired => text["Podaj co najmniej jeden dzień szkolenia."],
        Certification.Training.OrderRules.MeetingHours => text["Godzina zakończenia musi być późniejsza niż rozpoczęcia."],
        Certification.Training.OrderRules.MeetingsRepeat => text["Każdy dzień szkolenia można podać tylko raz."],
        Certification.Training.OrderRules.UnknownLocation => text["Wybierz miejsce z listy lokalizacji."],
        Certification.Training.OrderRules.PriceRange => text["Cena to kwota w złotych z co najwyżej dwoma miejscami po przecinku."],
        Certification.Training.OrderRules.CapacityRange => text["Liczba miejsc musi wynosić od 1 do 1000."],
        Certification.Training.OrderRules.CapacityBelowEnrolled => text["Liczba miejsc nie może być mniejsza niż liczba zapisanych."],
        Certification.Training.OrderRules.ClientsRequired => text["Wskaż klientów, którzy mają widzieć to szkolenie."],
        Certification.Training.TrainingOrderRules.PhaseNotAllowed => text["Z obecnej fazy nie można przejść do wybranej."],
        Certification.Training.TrainingOrderRules.EnrolmentClosed => text["Zapisy na to szkolenie nie są otwarte."],
        Certification.Training.TrainingOrderRules.NotVisible => text["To szkolenie nie jest dostępne dla tej organizacji."],
        Certification.Training.TrainingOrderRules.AlreadyEnrolled => text["Ta osoba jest już zapisana na to szkolenie."],
        Certification.Training.TrainingOrderRules.NotEnrolled => text["Ta osoba nie jest zapisana na to szkolenie."],
        Certification.Training.TrainingOrderRules.OrderFinished => text["Zlecenie jest zakończone — nie można już zmieniać uczestników."],
        Certification.Training.TrainingOrderRules.AttendanceClosed => text["Obecność zapisuje się w fazie, która na to pozwala (np. po realizacji)."],
        Certification.Training.TrainingOrderRules.NotAMeetingDay => text["Tego dnia nie ma zajęć."],
        Certification.Training.TrainingOrderGrain.NotOfPartner => text["Ta osoba nie należy do Twojej organizacji."],
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
        AssessmentGrain.NotOnPanel or GradingRules.NotOnPanel => text["Nie zasiadasz w komisji tego kandydata."],
        AssessmentGrain.Concurrent => text["Ktoś w tej chwili zmienił tę walidację. Odśwież stronę i spróbuj ponownie."],
        GradingRules.Incomplete => text["Oceń każde kryterium, zanim przekażesz ocenę."],
        GradingRules.UnknownCriterion => text["Nie ma takiego kryterium w tej części walidacji."],
        GradingRules.AlreadySubmitted => text["Ocena została już przekazana i nie można jej zmienić."],
        GradingRules.NoDisagreement => text["W tym kryterium oceny członków komisji są zgodne: nie ma czego rozstrzygać."],
        GradingRules.ReasonRequired => text["Podaj uzasadnienie rozstrzygnięcia."],
        GradingRules.NotAllSubmitted => text["Rozbieżności rozstrzyga się, gdy wszyscy członkowie komisji przekażą oceny."],
        AssessmentGrain.Final => text["Decyzja jest już podpisana przez całą komisję i nie można jej zmienić."],
        AssessmentGrain.NoDraft => text["Nie ma jeszcze treści decyzji do podpisania."],
        DecisionRules.Ungraded => text["Nie wszystkie części walidacji są ocenione: decyzji nie można jeszcze sformułować."],
        DecisionRules.JustificationRequired => text["Uzasadnij decyzję: ta część nie została zaliczona."],
        DecisionRules.OutcomeMismatch => text["To rozstrzygnięcie nie wynika z ocen: decyzja jest pozytywna tylko wtedy, gdy test teoretyczny jest zaliczony i wszystkie kryteria są spełnione."],
        AssessmentGrain.NotCandidate => text["Odwołanie może złożyć tylko osoba, której decyzja dotyczy."],
        AssessmentGrain.NoAppeal => text["Kandydat nie złożył odwołania."],
        AssessmentGrain.NotReviewer => text["Nie jesteś recenzentem wyznaczonym do tego odwołania."],
        AssessmentGrain.AppealClosed => text["Odwołanie zostało już rozpatrzone."],
        AssessmentGrain.NewDecisionRequired => text["Zmieniając decyzję, wskaż nowe rozstrzygnięcie, a przy negatywnym także uzasadnienie; przy innych wynikach nowego rozstrzygnięcia się nie podaje."],
        AppealRules.Late => text["Termin na złożenie odwołania minął."],
        AppealRules.ReasonsRequired => text["Podaj uzasadnienie."],
        AppealRules.TooLong => text["Tekst może mieć najwyżej 8000 znaków."],
        AppealRules.NoSignedDecision => text["Odwołać się można dopiero od podpisanej decyzji."],
        AppealRules.AlreadyFiled => text["Odwołanie zostało już złożone."],
        PanelRules.TooSmall => text["Komisja musi liczyć co najmniej dwie osoby."],
        PanelRules.GradingStarted => text["Ocenianie już się rozpoczęło: składu komisji nie można zmienić."],
        PanelConflicts.ReasonRequired => text["Podaj powód konfliktu interesów."],
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No text for this error code."),
    };

    /// <summary>Why a panel or a reviewer was refused, naming the person it is about (<paramref name="name"/> of a CRM person).</summary>
    public string For(PanelObjection objection, Func<Guid, string> name)
    {
        var who = objection.AssessorId is { } id ? name(id) : string.Empty;
        return objection.Code switch
        {
            // The detail is the platform's own sentence about the training (its title and dates), written to follow a name.
            PanelRules.TrainedCandidate => $"{who} {objection.Detail}",
            PanelRules.DeclaredConflict => text["{0} zgłosił(a) konflikt interesów z kandydatem: {1}", who, objection.Detail ?? string.Empty],
            PanelRules.Repeated => text["{0} jest wybrany(-a) więcej niż raz.", who],
            PanelRules.CandidateOnPanel => text["{0} jest kandydatem i nie może zasiadać we własnej komisji.", who],
            AppealRules.ReviewerOnPanel => text["{0} zasiadał(a) w komisji tego kandydata i nie może rozpatrywać odwołania.", who],
            AppealRules.ReviewerConflict => text["{0} nie może rozpatrywać odwołania: {1}", who, objection.Detail ?? string.Empty],
            _ => For(objection.Code),
        };
    }

    private static bool IsIdentifierCode(string code) =>
        code.StartsWith("nip.", StringComparison.Ordinal) ||
        code.StartsWith("regon.", StringComparison.Ordinal) ||
        code.StartsWith("pesel.", StringComparison.Ordinal);
}
