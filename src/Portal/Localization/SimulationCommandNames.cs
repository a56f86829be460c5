using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class SimulationCommandNames
{
    /// <summary>What a candidate did in the simulated CRM, in words; <paramref name="type"/> is the action log's stored discriminator.</summary>
    public static string CommandName(this IStringLocalizer text, string type) => type switch
    {
        "account.create" => text["Utworzenie konta klienta"],
        "account.update" => text["Edycja konta klienta"],
        "account.event" => text["Wpis w historii zdarzeń klienta"],
        "contact.create" => text["Dodanie osoby kontaktowej"],
        "contact.update" => text["Edycja osoby kontaktowej"],
        "segment.save" => text["Zapisanie segmentu"],
        "segment.delete" => text["Usunięcie segmentu"],
        "pipeline.create" => text["Utworzenie lejka sprzedaży"],
        "stage.add" => text["Dodanie etapu lejka"],
        "stage.update" => text["Edycja etapu lejka"],
        "stage.reorder" => text["Zmiana kolejności etapów"],
        "stage.remove" => text["Usunięcie etapu lejka"],
        "opportunity.create" => text["Dodanie szansy sprzedaży"],
        "opportunity.update" => text["Edycja szansy sprzedaży"],
        "opportunity.move" => text["Przeniesienie szansy sprzedaży do innego etapu"],
        "opportunity.close" => text["Oznaczenie szansy sprzedaży jako wygranej lub przegranej"],
        "opportunity.reopen" => text["Ponowne otwarcie szansy sprzedaży"],
        "activity.add" => text["Dodanie czynności potrzebnej do zamknięcia etapu"],
        "activity.complete" => text["Wykonanie czynności"],
        "task.create" => text["Utworzenie zadania"],
        "task.update" => text["Edycja zadania"],
        "task.progress" => text["Zmiana stanu realizacji zadania"],
        "tasklist.save" => text["Zapisanie listy zadań"],
        "tasklist.delete" => text["Usunięcie listy zadań"],
        "report.save" => text["Zapisanie raportu"],
        "report.delete" => text["Usunięcie raportu"],
        "report.export" => text["Eksport raportu"],
        "template.save" => text["Zapisanie szablonu oferty"],
        "template.delete" => text["Usunięcie szablonu oferty"],
        "offer.generate" => text["Wygenerowanie oferty"],
        "offer.send" => text["Wysłanie oferty"],
        "sheet.answer" => text["Odpowiedź na pytanie z arkusza zadań"],
        _ => type,
    };
}
