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
    /// What the candidate did, in words, for accepted and refused actions alike: a sandbox command by its stored type
    /// (<c>opportunity.move</c>, see <see cref="Certification.Simulation.SimulationCommands.TypeOf"/>).
    /// </summary>
    public static string ActionName(this IStringLocalizer text, string command) => command switch
    {
        "account.create" => text["Dodanie klienta"],
        "account.update" => text["Edycja danych klienta"],
        "account.event" => text["Wpis w historii klienta"],
        "contact.create" => text["Dodanie osoby kontaktowej"],
        "contact.update" => text["Edycja osoby kontaktowej"],
        "segment.save" => text["Zapisanie segmentu"],
        "segment.delete" => text["Usunięcie segmentu"],
        "pipeline.create" => text["Utworzenie lejka sprzedaży"],
        "stage.add" => text["Dodanie etapu lejka"],
        "stage.update" => text["Edycja etapu lejka"],
        "stage.reorder" => text["Zmiana kolejności etapów lejka"],
        "stage.remove" => text["Usunięcie etapu lejka"],
        "opportunity.create" => text["Dodanie szansy sprzedaży"],
        "opportunity.update" => text["Edycja szansy sprzedaży"],
        "opportunity.move" => text["Przeniesienie szansy sprzedaży na inny etap"],
        "opportunity.close" => text["Zamknięcie szansy sprzedaży (wygrana lub przegrana)"],
        "opportunity.reopen" => text["Ponowne otwarcie szansy sprzedaży"],
        "activity.add" => text["Dodanie czynności do szansy sprzedaży"],
        "activity.complete" => text["Wykonanie czynności"],
        "task.create" => text["Dodanie zadania"],
        "task.update" => text["Edycja zadania"],
        "task.progress" => text["Zmiana stopnia realizacji zadania"],
        "tasklist.save" => text["Zapisanie listy zadań"],
        "tasklist.delete" => text["Usunięcie listy zadań"],
        "report.save" => text["Zapisanie raportu"],
        "report.delete" => text["Usunięcie raportu"],
        "report.export" => text["Eksport raportu do pliku"],
        "template.save" => text["Zapisanie szablonu oferty"],
        "template.delete" => text["Usunięcie szablonu oferty"],
        "offer.generate" => text["Wygenerowanie oferty"],
        "offer.send" => text["Wysłanie oferty"],
        "sheet.answer" => text["Odpowiedź na pytanie z arkusza zadań"],
        _ => command,
    };
}
