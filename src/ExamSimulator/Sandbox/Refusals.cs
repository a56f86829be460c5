using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// The reasons a command is refused: a stable code for programs (<see cref="RefusalCodes"/>), the values the rule
/// names and the sentence a Polish user reads, which names the record or value at fault so the candidate can correct it.
/// </summary>
public static class Refusals
{
    public static CommandError Required(string field, string label) =>
        Error(field, RefusalCodes.Required, $"Pole „{label}” jest wymagane.") with { Label = label };

    public static CommandError TooLong(string field, string label, int max) =>
        Error(field, RefusalCodes.TooLong, $"Pole „{label}” może mieć najwyżej {PlFormat.Count(max)} znaków.", PlFormat.Count(max)) with { Label = label };

    /// <summary>A record the command names is not there; <paramref name="code"/> is one of the <c>*.not_found</c> codes and names the field.</summary>
    public static CommandError NotFound(string code, string what, string id) => Error(FieldOf(code), code, $"{what} „{id}” nie istnieje.", id);

    public static CommandError NipChecksum(string nip) =>
        Error("nip", RefusalCodes.NipChecksum, $"NIP „{nip}” jest nieprawidłowy: musi mieć 10 cyfr z poprawną cyfrą kontrolną.", nip);

    public static CommandError NipTaken(string nip, string accountName) =>
        Error("nip", RefusalCodes.NipTaken, $"Konto z NIP {nip} już istnieje: „{accountName}”.", nip, accountName);

    /// <summary>Another record of the kind has the name; <paramref name="code"/> is one of the <c>*.name_taken</c> codes and names the field.</summary>
    public static CommandError NameTaken(string code, string what, string name) =>
        Error(FieldOf(code), code, $"{what} o nazwie „{name}” już istnieje.", name);

    public static CommandError PostalCode(string value) =>
        Error("postalCode", RefusalCodes.PostalCode, $"Kod pocztowy „{value}” jest nieprawidłowy: podaj go w postaci 00-000.", value);

    public static CommandError Email(string field, string value) =>
        Error(field, RefusalCodes.Email, $"Adres e-mail „{value}” jest nieprawidłowy.", value);

    public static CommandError Phone(string field, string value) =>
        Error(field, RefusalCodes.Phone, $"Numer telefonu „{value}” jest nieprawidłowy: podaj 9 cyfr, można poprzedzić je +48.", value);

    public static CommandError Voivodeship(string value) =>
        Error("voivodeship", RefusalCodes.Voivodeship, $"Nie ma województwa „{value}”: wybierz jedno z 16 województw.", value);

    public static CommandError Employees() => Error("employees", RefusalCodes.Employees, "Liczba pracowników nie może być ujemna.");

    public static CommandError EventKind() =>
        Error("kind", RefusalCodes.EventKind, "Ręcznie można zapisać notatkę, rozmowę, spotkanie lub e-mail.");

    public static CommandError ContactOfOtherAccount(string contactName, string accountName) =>
        Error("contactId", RefusalCodes.ContactOfOtherAccount, $"{contactName} nie jest osobą kontaktową klienta „{accountName}”.", contactName, accountName);

    public static CommandError TooManyStages(string field, int max) =>
        Error(field, RefusalCodes.TooManyStages, $"Lejek może mieć najwyżej {PlFormat.Count(max)} etapów.", PlFormat.Count(max));

    public static CommandError Probability() => Error("probability", RefusalCodes.Probability, "Prawdopodobieństwo etapu musi wynosić od 0 do 100%.");

    public static CommandError StagePosition(int count) =>
        Error("position", RefusalCodes.StagePosition, $"Pozycja etapu musi być od 1 do {PlFormat.Count(count)}.", PlFormat.Count(count));

    public static CommandError StageInUse(string stageName) =>
        Error("stageId", RefusalCodes.StageInUse, $"Nie można usunąć etapu „{stageName}”: są do niego przypisane szanse sprzedaży lub zadania.", stageName);

    public static CommandError StageOfOtherPipeline(string stageName, string pipelineName) =>
        Error("stageId", RefusalCodes.StageOfOtherPipeline, $"Etap „{stageName}” nie należy do lejka „{pipelineName}”.", stageName, pipelineName);

    public static CommandError PipelineWithoutStages(string pipelineName) =>
        Error("pipelineId", RefusalCodes.PipelineWithoutStages, $"Lejek „{pipelineName}” nie ma jeszcze etapów: najpierw je dodaj.", pipelineName);

    public static CommandError StageNameRepeated(string name) =>
        Error("stageNames", RefusalCodes.StageNameRepeated, $"Etap „{name}” powtarza się w lejku: nazwy etapów muszą być różne.", name);

    public static CommandError ValuePositive() => Error("value", RefusalCodes.ValuePositive, "Wartość szansy musi być większa od zera.");

    /// <summary>A date before the simulated today; <paramref name="code"/> is one of the <c>*.past</c> codes and names the field.</summary>
    public static CommandError DateInPast(string code, string label, DateOnly today) =>
        Error(FieldOf(code), code, $"{label} nie może być wcześniejszy niż dzisiejszy dzień w symulacji ({PlFormat.Date(today)}).", PlFormat.Date(today))
            with { Label = label };

    public static CommandError OpportunityClosed(string name, OpportunityStatus status) =>
        Error("opportunityId", RefusalCodes.OpportunityClosed,
            $"Szansa „{name}” jest zamknięta ({Labels.Of(status).ToLowerInvariant()}): otwórz ją ponownie, aby ją zmienić.", name)
            with { Variant = status == OpportunityStatus.Won ? "won" : "lost" };

    public static CommandError OpportunityNotClosed(string name) =>
        Error("opportunityId", RefusalCodes.OpportunityNotClosed, $"Szansa „{name}” jest otwarta: nie trzeba jej otwierać ponownie.", name);

    public static CommandError SameStage(string name, string stageName) =>
        Error("stageId", RefusalCodes.SameStage, $"Szansa „{name}” jest już na etapie „{stageName}”.", name, stageName);

    public static CommandError ActivitiesOpen(string stageName, IEnumerable<string> activities)
    {
        var open = activities.ToList();
        return Error("stageId", RefusalCodes.ActivitiesOpen,
            $"Nie można zamknąć etapu „{stageName}”: najpierw wykonaj czynności: {string.Join(", ", open.Select(a => "„" + a + "”"))}.",
            stageName, string.Join(", ", open));
    }

    public static CommandError LostReason() => Error("reason", RefusalCodes.LostReason, "Podaj przyczynę przegranej szansy.");

    public static CommandError ActivityDone(string description) =>
        Error("activityId", RefusalCodes.ActivityDone, $"Czynność „{description}” jest już wykonana.", description);

    public static CommandError TaskPriority() => Error("priority", RefusalCodes.TaskPriority, "Wybierz priorytet: niski, normalny, wysoki lub pilny.");

    public static CommandError TaskStageWithoutPipeline() =>
        Error("pipelineId", RefusalCodes.TaskStageWithoutPipeline, "Aby przypisać zadanie do etapu, wybierz też lejek.");

    public static CommandError OpportunityOfOtherAccount(string opportunityName, string accountName) =>
        Error("opportunityId", RefusalCodes.OpportunityOfOtherAccount, $"Szansa „{opportunityName}” nie należy do klienta „{accountName}”.", opportunityName, accountName);

    public static CommandError Progress() => Error("progress", RefusalCodes.Progress, "Stopień realizacji musi wynosić od 0 do 100%.");

    public static CommandError ProgressStatus(CrmTaskStatus status) => status switch
    {
        CrmTaskStatus.Done => Error("progress", RefusalCodes.ProgressStatus, "Zadanie zakończone ma stopień realizacji 100%.") with { Variant = "done" },
        CrmTaskStatus.ToDo => Error("progress", RefusalCodes.ProgressStatus, "Zadanie do zrobienia ma stopień realizacji 0%: zmień status na „W toku”.") with { Variant = "to_do" },
        _ => Error("progress", RefusalCodes.ProgressStatus, "Zadanie w toku ma stopień realizacji od 1 do 99%.") with { Variant = "in_progress" },
    };

    public static CommandError Range() => Error("to", RefusalCodes.RangeOrder, "Data końcowa nie może być wcześniejsza niż początkowa.");

    public static CommandError RangeTooLong() => Error("to", RefusalCodes.RangeTooLong, "Zakres dat może obejmować najwyżej rok.");

    public static CommandError ConditionsRequired() => Error("conditions", RefusalCodes.ConditionsRequired, "Segment musi mieć co najmniej jeden warunek.");

    public static CommandError TooManyConditions(int max) =>
        Error("conditions", RefusalCodes.TooManyConditions, $"Filtr może mieć najwyżej {PlFormat.Count(max)} warunków.", PlFormat.Count(max));

    public static CommandError FieldUnknown(string field, string id) => Error(field, RefusalCodes.FieldUnknown, $"Nie ma pola „{id}”.", id);

    public static CommandError OperatorNotFor(string field, string label) =>
        Error(field, RefusalCodes.OperatorNotFor, $"Tego warunku nie można użyć dla pola „{label}”.", label);

    /// <summary>A filter's value that does not fit its field: what the field takes depends on its type.</summary>
    public static CommandError FilterValue(string field, FieldDefinition definition, string value)
    {
        var choices = string.Join(", ", definition.Choices);
        var (variant, expected) = definition.Type switch
        {
            FieldType.Number or FieldType.Money => ("number", "podaj liczbę"),
            FieldType.Date => ("date", "podaj datę w postaci DD.MM.RRRR"),
            FieldType.Choice => ("choice", "wybierz jedną z wartości: " + choices),
            _ => ("text", "podaj tekst"),
        };
        return Error(field, RefusalCodes.FilterValue, $"Wartość „{value}” nie pasuje do pola „{definition.Label}”: {expected}.", definition.Label, value, choices)
            with { Variant = variant };
    }

    public static CommandError ColumnsRequired() =>
        Error("columns", RefusalCodes.ColumnsRequired, "Wybierz co najmniej jedno pole raportu albo pogrupuj dane.");

    public static CommandError AggregatesRequired() =>
        Error("aggregates", RefusalCodes.AggregatesRequired, "Raport grupowany musi mieć co najmniej jedno podsumowanie (np. liczbę lub sumę).");

    public static CommandError AggregateNotNumeric(string label) =>
        Error("aggregates", RefusalCodes.AggregateNotNumeric, $"Sumę, średnią, minimum i maksimum można liczyć tylko z pól liczbowych, a „{label}” nim nie jest.", label);

    public static CommandError BucketNotDate(string label) =>
        Error("grouping", RefusalCodes.BucketNotDate, $"Grupować po miesiącach, kwartałach lub latach można tylko pole z datą, a „{label}” nim nie jest.", label);

    public static CommandError ChartNeedsGrouping() =>
        Error("chart", RefusalCodes.ChartNeedsGrouping, "Wykres pokazuje dane pogrupowane: wybierz pole grupowania albo formę „Tabela”.");

    public static CommandError ExportFormat() => Error("format", RefusalCodes.ExportFormat, "Raport można wyeksportować do pliku CSV.");

    public static CommandError TemplateSyntax(string detail) => Error("body", RefusalCodes.TemplateSyntax, $"Błąd w szablonie: {detail}", detail);

    public static CommandError TemplateUnknownTag(string tag) =>
        Error("body", RefusalCodes.TemplateUnknownTag, $"Nieznany tag „{tag}”: wybierz tag z listy dostępnych tagów.", tag);

    public static CommandError TemplateInclude() =>
        Error("body", RefusalCodes.TemplateInclude, "Szablon nie może dołączać innych plików (include, render).");

    public static CommandError TemplateRender(string detail) =>
        Error("templateId", RefusalCodes.TemplateRender, $"Nie udało się wypełnić szablonu: {detail}", detail);

    public static CommandError LinesRequired() => Error("lines", RefusalCodes.LinesRequired, "Oferta musi mieć co najmniej jedną pozycję.");

    public static CommandError Quantity(string product) =>
        Error("lines", RefusalCodes.Quantity, $"Ilość pozycji „{product}” musi być większa od zera (najwyżej 10 000).", product);

    public static CommandError Discount(string product) =>
        Error("lines", RefusalCodes.Discount, $"Rabat pozycji „{product}” musi wynosić od 0 do 100%.", product);

    public static CommandError ValidDays() => Error("validDays", RefusalCodes.ValidDays, "Oferta może być ważna od 1 do 90 dni.");

    public static CommandError ContactWithoutEmail(string contactName) =>
        Error("contactId", RefusalCodes.ContactWithoutEmail, $"{contactName} nie ma adresu e-mail: uzupełnij go, zanim wyślesz ofertę.", contactName);

    public static CommandError OfferSent(string number, DateTime at) =>
        Error("offerId", RefusalCodes.OfferSent, $"Oferta {number} została już wysłana {PlFormat.DateTime(at)}.", number, PlFormat.DateTime(at));

    public static CommandError QuestionUnknown(string id) =>
        Error("questionId", RefusalCodes.QuestionUnknown, $"W arkuszu zadań nie ma pytania „{id}”.", id);

    private static CommandError Error(string field, string code, string message, params string[] arguments) =>
        new(field, code, message) { Arguments = [.. arguments] };

    // "pipeline.not_found" concerns the field "pipeline": the codes of records name their field first.
    private static string FieldOf(string code) => code[..code.IndexOf('.', StringComparison.Ordinal)];
}
