using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class ContactKindNames
{
    /// <summary>What an entry of a contact history is, in words; a kind added elsewhere later shows as itself.</summary>
    public static string ContactKindName(this IStringLocalizer text, string kind) => kind switch
    {
        "order.enrolled" => text["Zapis na szkolenie"],
        "order.waitlisted" => text["Wpis na listę rezerwową"],
        "order.promoted" => text["Przeniesienie z listy rezerwowej na listę uczestników"],
        "order.resigned" => text["Rezygnacja ze szkolenia"],
        "order.invited" => text["Zaproszenie na szkolenie"],
        "order.attendance" => text["Obecność na szkoleniu"],
        "order.certificateissued" => text["Wydanie zaświadczenia"],
        "order.personmerged" => text["Zapis przeniesiony ze scalonej kartoteki"],
        "person.merged" => text["Scalenie kartotek"],
        "mail.queued" => text["E-mail w kolejce"],
        "mail.sending" => text["E-mail w trakcie wysyłki"],
        "mail.sent" => text["E-mail wysłany"],
        "mail.failed" => text["E-mail niewysłany"],
        "mail.dev_delivered" => text["E-mail w skrzynce deweloperskiej"],
        "employment.started" => text["Rozpoczęcie pracy"],
        "employment.changed" => text["Zmiana stanowiska lub jednostki"],
        "employment.ended" => text["Zakończenie pracy"],
        "employment.corrected" => text["Poprawka danych zatrudnienia"],
        "note.call" => text["Rozmowa telefoniczna"],
        "note.meeting" => text["Spotkanie"],
        "note.note" => text["Notatka"],
        "caretaker.assigned" => text["Przydzielenie opiekuna klienta"],
        "caretaker.removed" => text["Odwołanie opiekuna klienta"],
        _ => kind,
    };

    public static string ContactCategoryName(this IStringLocalizer text, Crm.ContactCategory category) => category switch
    {
        Crm.ContactCategory.Training => text["Szkolenia"],
        Crm.ContactCategory.Mail => text["E-maile"],
        Crm.ContactCategory.Employment => text["Zatrudnienie"],
        Crm.ContactCategory.Note => text["Notatki, rozmowy i spotkania"],
        Crm.ContactCategory.Caretaker => text["Opiekunowie klienta"],
        _ => category.ToString(),
    };

    public static string NoteKindName(this IStringLocalizer text, Certification.Crm.ContactNoteKind kind) => kind switch
    {
        Certification.Crm.ContactNoteKind.Call => text["Rozmowa telefoniczna"],
        Certification.Crm.ContactNoteKind.Meeting => text["Spotkanie"],
        Certification.Crm.ContactNoteKind.Note => text["Notatka"],
        _ => kind.ToString(),
    };
}
