using System.Reflection;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// The labels of the simulated CRM's form fields that refusals name (<see cref="CommandError.Label"/>): "Pole „Nazwa
/// lejka” jest wymagane." They are words of the forms, not data, so a UI in another language translates them.
/// </summary>
public static class FieldLabels
{
    public const string Name = "Nazwa";
    public const string Industry = "Branża";
    public const string Street = "Ulica i numer";
    public const string City = "Miejscowość";
    public const string Website = "Strona WWW";
    public const string EventText = "Treść";
    public const string FirstName = "Imię";
    public const string LastName = "Nazwisko";
    public const string Position = "Stanowisko";
    public const string PipelineName = "Nazwa lejka";
    public const string StageName = "Nazwa etapu";
    public const string OpportunityName = "Nazwa szansy";
    public const string ActivityDescription = "Czynność";
    public const string ActivityDue = "Termin czynności";
    public const string ExpectedClose = "Planowany termin zamknięcia";
    public const string LostReason = "Przyczyna";
    public const string TaskTitle = "Tytuł zadania";
    public const string TaskNotes = "Notatki";
    public const string TaskDue = "Termin zadania";
    public const string SegmentName = "Nazwa segmentu";
    public const string SegmentPurpose = "Cel segmentu";
    public const string TaskListName = "Nazwa listy";
    public const string ReportName = "Nazwa raportu";
    public const string TemplateName = "Nazwa szablonu";
    public const string TemplateBody = "Treść szablonu";
    public const string OfferMessage = "Wiadomość";
    public const string Answer = "Odpowiedź na pytanie";

    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(FieldLabels).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];
}
