using Certification.ExamSimulator.Sandbox;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

/// <summary>The words of the simulated CRM's enumerations in the user's language (the sandbox's own data stays Polish).</summary>
internal static class SimulationNames
{
    public static string Name(this IStringLocalizer text, AccountKind kind) => kind switch
    {
        AccountKind.Company => text["Firma"],
        AccountKind.Municipality => text["Gmina"],
        AccountKind.Institution => text["Instytucja"],
        _ => kind.ToString(),
    };

    public static string Name(this IStringLocalizer text, AccountStatus status) => status switch
    {
        AccountStatus.Prospect => text["Potencjalny"],
        AccountStatus.Customer => text["Aktywny klient"],
        AccountStatus.Former => text["Były klient"],
        _ => status.ToString(),
    };

    public static string Name(this IStringLocalizer text, AccountEventKind kind) => kind switch
    {
        AccountEventKind.Note => text["Notatka"],
        AccountEventKind.Call => text["Rozmowa telefoniczna"],
        AccountEventKind.Meeting => text["Spotkanie"],
        AccountEventKind.Email => text["E-mail"],
        AccountEventKind.OfferSent => text["Wysłana oferta"],
        AccountEventKind.OpportunityWon => text["Wygrana szansa"],
        AccountEventKind.OpportunityLost => text["Przegrana szansa"],
        _ => kind.ToString(),
    };

    public static string Name(this IStringLocalizer text, OpportunityStatus status) => status switch
    {
        OpportunityStatus.Open => text["Otwarta szansa"],
        OpportunityStatus.Won => text["Wygrana"],
        OpportunityStatus.Lost => text["Przegrana"],
        _ => status.ToString(),
    };

    public static string Name(this IStringLocalizer text, TaskPriority priority) => priority switch
    {
        TaskPriority.Low => text["Niski"],
        TaskPriority.Normal => text["Normalny"],
        TaskPriority.High => text["Wysoki"],
        TaskPriority.Urgent => text["Pilny"],
        _ => priority.ToString(),
    };

    public static string Name(this IStringLocalizer text, CrmTaskStatus status) => status switch
    {
        CrmTaskStatus.ToDo => text["Do zrobienia"],
        CrmTaskStatus.InProgress => text["W realizacji"],
        CrmTaskStatus.Done => text["Zakończone"],
        _ => status.ToString(),
    };

    public static string Name(this IStringLocalizer text, FilterOperator op) => op switch
    {
        FilterOperator.Equals => text["równa się"],
        FilterOperator.NotEquals => text["różne od"],
        FilterOperator.Contains => text["zawiera"],
        FilterOperator.AtLeast => text["co najmniej"],
        FilterOperator.AtMost => text["co najwyżej"],
        FilterOperator.IsEmpty => text["jest puste"],
        FilterOperator.IsNotEmpty => text["nie jest puste"],
        _ => op.ToString(),
    };

    public static string Name(this IStringLocalizer text, ChartKind kind) => kind switch
    {
        ChartKind.Table => text["Tabela"],
        ChartKind.Bar => text["Wykres słupkowy"],
        ChartKind.Line => text["Wykres liniowy"],
        ChartKind.Pie => text["Wykres kołowy"],
        _ => kind.ToString(),
    };

    public static string Name(this IStringLocalizer text, AggregateFunction function) => function switch
    {
        AggregateFunction.Count => text["Liczba rekordów"],
        AggregateFunction.Sum => text["suma"],
        AggregateFunction.Average => text["średnia"],
        AggregateFunction.Min => text["minimum"],
        AggregateFunction.Max => text["maksimum"],
        _ => function.ToString(),
    };

    public static string Name(this IStringLocalizer text, DateBucket bucket) => bucket switch
    {
        DateBucket.None => text["bez grupowania dat"],
        DateBucket.Month => text["miesiącami"],
        DateBucket.Quarter => text["kwartałami"],
        DateBucket.Year => text["latami"],
        _ => bucket.ToString(),
    };

    public static string Name(this IStringLocalizer text, ReportSource source) => source switch
    {
        ReportSource.Accounts => text["Klienci"],
        ReportSource.Contacts => text["Kontakty"],
        ReportSource.Opportunities => text["Szanse sprzedaży"],
        ReportSource.Tasks => text["Zadania"],
        _ => source.ToString(),
    };

    public static string Name(this IStringLocalizer text, OpportunityChangeKind kind) => kind switch
    {
        OpportunityChangeKind.Created => text["Utworzono"],
        OpportunityChangeKind.Edited => text["Zmieniono"],
        OpportunityChangeKind.Moved => text["Przeniesiono"],
        OpportunityChangeKind.Won => text["Wygrana"],
        OpportunityChangeKind.Lost => text["Przegrana"],
        OpportunityChangeKind.Reopened => text["Otwarto ponownie"],
        _ => kind.ToString(),
    };

    /// <summary>
    /// An action of the stream in words: what an accepted command did (the sandbox's own Polish summary), or what a refused
    /// one tried to do. The candidate's history and the panel's live stream name actions alike.
    /// </summary>
    public static string What(this IStringLocalizer text, Certification.Simulation.SimulationAction action) =>
        action.Accepted ? action.Summary : text.CommandName(action.Command);

    /// <summary>A command of the sandbox by its stored discriminator (<c>opportunity.move</c>), as something a person does.</summary>
    public static string CommandName(this IStringLocalizer text, string command) => command switch
    {
        "account.create" => text["Utworzenie klienta"],
        "account.update" => text["Zmiana danych klienta"],
        "account.event" => text["Wpis w historii klienta"],
        "contact.create" => text["Dodanie osoby kontaktowej"],
        "contact.update" => text["Zmiana danych osoby kontaktowej"],
        "segment.save" => text["Zapisanie segmentu"],
        "segment.delete" => text["Usunięcie segmentu"],
        "pipeline.create" => text["Utworzenie lejka sprzedaży"],
        "stage.add" => text["Dodanie etapu sprzedaży"],
        "stage.update" => text["Zmiana etapu sprzedaży"],
        "stage.reorder" => text["Zmiana kolejności etapów"],
        "stage.remove" => text["Usunięcie etapu sprzedaży"],
        "opportunity.create" => text["Utworzenie szansy sprzedaży"],
        "opportunity.update" => text["Zmiana szansy sprzedaży"],
        "opportunity.move" => text["Przeniesienie szansy do innego etapu"],
        "opportunity.close" => text["Zamknięcie szansy jako wygranej lub przegranej"],
        "opportunity.reopen" => text["Ponowne otwarcie szansy"],
        "activity.add" => text["Dodanie czynności do etapu"],
        "activity.complete" => text["Wykonanie czynności"],
        "task.create" => text["Utworzenie zadania"],
        "task.update" => text["Zmiana zadania"],
        "task.progress" => text["Zmiana realizacji zadania"],
        "tasklist.save" => text["Zapisanie listy zadań"],
        "tasklist.delete" => text["Usunięcie listy zadań"],
        "report.save" => text["Zapisanie raportu"],
        "report.delete" => text["Usunięcie raportu"],
        "report.export" => text["Eksport raportu"],
        "template.save" => text["Zapisanie szablonu oferty"],
        "template.delete" => text["Usunięcie szablonu oferty"],
        "offer.generate" => text["Wygenerowanie oferty"],
        "offer.send" => text["Wysłanie oferty"],
        "sheet.answer" => text["Odpowiedź na pytanie arkusza zadań"],
        _ => command,
    };

    /// <summary>Every command's name, for a script that names actions arriving live.</summary>
    public static IReadOnlyDictionary<string, string> CommandNames(this IStringLocalizer text) =>
        Certification.Simulation.SimulationCommands.All.ToDictionary(c => c, text.CommandName, StringComparer.Ordinal);
}
