using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// The reasons a command is refused: a stable code for programs and the sentence a Polish user reads, which names
/// the record or value at fault so the candidate can correct it.
/// </summary>
public static class Refusals
{
    public static CommandError Required(string field, string label) => new(field, "required", $"Pole „{label}” jest wymagane.");

    public static CommandError TooLong(string field, string label, int max) =>
        new(field, "too_long", $"Pole „{label}” może mieć najwyżej {PlFormat.Count(max)} znaków.");

    public static CommandError NotFound(string field, string what, string id) => new(field, field + ".not_found", $"{what} „{id}” nie istnieje.");

    public static CommandError NipChecksum(string nip) =>
        new("nip", "account.nip_checksum", $"NIP „{nip}” jest nieprawidłowy: musi mieć 10 cyfr z poprawną cyfrą kontrolną.");

    public static CommandError NipTaken(string nip, string accountName) =>
        new("nip", "account.nip_taken", $"Konto z NIP {nip} już istnieje: „{accountName}”.");

    public static CommandError NameTaken(string field, string what, string name) =>
        new(field, field + ".name_taken", $"{what} o nazwie „{name}” już istnieje.");

    public static CommandError PostalCode(string value) =>
        new("postalCode", "postal_code.format", $"Kod pocztowy „{value}” jest nieprawidłowy: podaj go w postaci 00-000.");

    public static CommandError Email(string field, string value) =>
        new(field, "email.format", $"Adres e-mail „{value}” jest nieprawidłowy.");

    public static CommandError Phone(string field, string value) =>
        new(field, "phone.format", $"Numer telefonu „{value}” jest nieprawidłowy: podaj 9 cyfr, można poprzedzić je +48.");

    public static CommandError Voivodeship(string value) =>
        new("voivodeship", "account.voivodeship_unknown", $"Nie ma województwa „{value}”: wybierz jedno z 16 województw.");

    public static CommandError Employees() => new("employees", "account.employees_negative", "Liczba pracowników nie może być ujemna.");

    public static CommandError ContactOfOtherAccount(string contactName, string accountName) =>
        new("contactId", "contact.other_account", $"{contactName} nie jest osobą kontaktową klienta „{accountName}”.");

    public static CommandError Probability() => new("probability", "stage.probability_range", "Prawdopodobieństwo etapu musi wynosić od 0 do 100%.");

    public static CommandError StagePosition(int count) =>
        new("position", "stage.position_range", $"Pozycja etapu musi być od 1 do {PlFormat.Count(count)}.");

    public static CommandError StageInUse(string stageName) =>
        new("stageId", "stage.in_use", $"Nie można usunąć etapu „{stageName}”: są do niego przypisane szanse sprzedaży lub zadania.");

    public static CommandError StageOfOtherPipeline(string stageName, string pipelineName) =>
        new("stageId", "stage.other_pipeline", $"Etap „{stageName}” nie należy do lejka „{pipelineName}”.");

    public static CommandError PipelineWithoutStages(string pipelineName) =>
        new("pipelineId", "pipeline.no_stages", $"Lejek „{pipelineName}” nie ma jeszcze etapów: najpierw je dodaj.");

    public static CommandError StageNameRepeated(string name) =>
        new("stageNames", "stage.name_taken", $"Etap „{name}” powtarza się w lejku: nazwy etapów muszą być różne.");

    public static CommandError ValuePositive() => new("value", "opportunity.value_positive", "Wartość szansy musi być większa od zera.");

    public static CommandError DateInPast(string field, string label, DateOnly today) =>
        new(field, field + ".past", $"{label} nie może być wcześniejszy niż dzisiejszy dzień w symulacji ({PlFormat.Date(today)}).");

    public static CommandError OpportunityClosed(string name, OpportunityStatus status) =>
        new("opportunityId", "opportunity.closed", $"Szansa „{name}” jest zamknięta ({Labels.Of(status).ToLowerInvariant()}): otwórz ją ponownie, aby ją zmienić.");

    public static CommandError OpportunityNotClosed(string name) =>
        new("opportunityId", "opportunity.not_closed", $"Szansa „{name}” jest otwarta: nie trzeba jej otwierać ponownie.");

    public static CommandError SameStage(string name, string stageName) =>
        new("stageId", "opportunity.same_stage", $"Szansa „{name}” jest już na etapie „{stageName}”.");

    public static CommandError ActivitiesOpen(string stageName, IEnumerable<string> activities) =>
        new("stageId", "opportunity.activities_open",
            $"Nie można zamknąć etapu „{stageName}”: najpierw wykonaj czynności: {string.Join(", ", activities.Select(a => "„" + a + "”"))}.");

    public static CommandError LostReason() => new("reason", "opportunity.lost_reason", "Podaj przyczynę przegranej szansy.");

    public static CommandError ActivityDone(string description) =>
        new("activityId", "activity.done", $"Czynność „{description}” jest już wykonana.");

    public static CommandError TaskStageWithoutPipeline() =>
        new("pipelineId", "task.stage_pipeline", "Aby przypisać zadanie do etapu, wybierz też lejek.");

    public static CommandError OpportunityOfOtherAccount(string opportunityName, string accountName) =>
        new("opportunityId", "opportunity.other_account", $"Szansa „{opportunityName}” nie należy do klienta „{accountName}”.");

    public static CommandError Progress() => new("progress", "task.progress_range", "Stopień realizacji musi wynosić od 0 do 100%.");

    public static CommandError ProgressStatus(CrmTaskStatus status) => new("progress", "task.progress_status", status switch
    {
        CrmTaskStatus.Done => "Zadanie zakończone ma stopień realizacji 100%.",
        CrmTaskStatus.ToDo => "Zadanie do zrobienia ma stopień realizacji 0%: zmień status na „W toku”.",
        _ => "Zadanie w toku ma stopień realizacji od 1 do 99%.",
    });

    public static CommandError Range() => new("to", "range.order", "Data końcowa nie może być wcześniejsza niż początkowa.");

    public static CommandError RangeTooLong() => new("to", "range.too_long", "Zakres dat może obejmować najwyżej rok.");

    public static CommandError ConditionsRequired() => new("conditions", "segment.conditions_required", "Segment musi mieć co najmniej jeden warunek.");

    public static CommandError FieldUnknown(string field, string id) => new(field, "field.unknown", $"Nie ma pola „{id}”.");

    public static CommandError OperatorNotFor(string field, string label) =>
        new(field, "filter.operator", $"Tego warunku nie można użyć dla pola „{label}”.");

    public static CommandError FilterValue(string field, string label, string value, string expected) =>
        new(field, "filter.value", $"Wartość „{value}” nie pasuje do pola „{label}”: {expected}.");

    public static CommandError ColumnsRequired() => new("columns", "report.columns_required", "Wybierz co najmniej jedno pole raportu albo pogrupuj dane.");

    public static CommandError AggregatesRequired() => new("aggregates", "report.aggregates_required", "Raport grupowany musi mieć co najmniej jedno podsumowanie (np. liczbę lub sumę).");

    public static CommandError AggregateNotNumeric(string label) =>
        new("aggregates", "report.aggregate_field", $"Sumę, średnią, minimum i maksimum można liczyć tylko z pól liczbowych, a „{label}” nim nie jest.");

    public static CommandError BucketNotDate(string label) =>
        new("grouping", "report.bucket_field", $"Grupować po miesiącach, kwartałach lub latach można tylko pole z datą, a „{label}” nim nie jest.");

    public static CommandError ChartNeedsGrouping() =>
        new("chart", "report.chart_grouping", "Wykres pokazuje dane pogrupowane: wybierz pole grupowania albo formę „Tabela”.");

    public static CommandError TemplateSyntax(string detail) => new("body", "template.syntax", $"Błąd w szablonie: {detail}");

    public static CommandError TemplateUnknownTag(string tag) =>
        new("body", "template.unknown_tag", $"Nieznany tag „{tag}”: wybierz tag z listy dostępnych tagów.");

    public static CommandError TemplateInclude() =>
        new("body", "template.include", "Szablon nie może dołączać innych plików (include, render).");

    public static CommandError TemplateRender(string detail) =>
        new("templateId", "template.render", $"Nie udało się wypełnić szablonu: {detail}");

    public static CommandError LinesRequired() => new("lines", "offer.lines_required", "Oferta musi mieć co najmniej jedną pozycję.");

    public static CommandError Quantity(string product) =>
        new("lines", "offer.quantity", $"Ilość pozycji „{product}” musi być większa od zera (najwyżej 10 000).");

    public static CommandError Discount(string product) => new("lines", "offer.discount", $"Rabat pozycji „{product}” musi wynosić od 0 do 100%.");

    public static CommandError ValidDays() => new("validDays", "offer.valid_days", "Oferta może być ważna od 1 do 90 dni.");

    public static CommandError ContactWithoutEmail(string contactName) =>
        new("contactId", "offer.contact_email", $"{contactName} nie ma adresu e-mail: uzupełnij go, zanim wyślesz ofertę.");

    public static CommandError OfferSent(string number, DateTime at) =>
        new("offerId", "offer.already_sent", $"Oferta {number} została już wysłana {PlFormat.DateTime(at)}.");

    public static CommandError QuestionUnknown(string id) => new("questionId", "answer.question_unknown", $"W arkuszu zadań nie ma pytania „{id}”.");
}
