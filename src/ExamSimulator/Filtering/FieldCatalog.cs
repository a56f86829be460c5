using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Filtering;

public enum FieldType
{
    Text = 1,
    Number = 2,
    Money = 3,
    Date = 4,

    /// <summary>One of a fixed set of Polish labels (<see cref="FieldDefinition.Choices"/>).</summary>
    Choice = 5,
}

/// <summary>
/// A field's value in a record: the text shown, the number or date behind it, and an order for values that sort
/// by meaning rather than alphabet (stages in funnel order, priorities from low to urgent).
/// </summary>
public sealed record FieldValue(string Text, decimal? Number, DateOnly? Date, int Order)
{
    public static FieldValue Of(string? text, int order = 0) => new(text ?? "", null, null, order);

    public static FieldValue Of(decimal? number, FieldType type) =>
        number is null ? new("", null, null, 0) : new(type == FieldType.Money ? PlFormat.Money(number.Value) : PlFormat.Plain(number.Value), number, null, 0);

    public static FieldValue Of(DateOnly? date) => date is null ? new("", null, null, 0) : new(PlFormat.Date(date.Value), null, date, 0);

    public bool IsEmpty() => Text.Length == 0;
}

/// <summary>A field people can pick for a filter, a report column, a grouping or a sum.</summary>
public sealed record FieldDefinition(string Id, string Label, FieldType Type, IReadOnlyList<string> Choices, Func<SandboxState, object, FieldValue> Read);

/// <summary>One record of a report's or filter's source, with the id the checkers and the UI link to.</summary>
public sealed record SourceRow(string Id, object Record);

/// <summary>The fields of each source, by id; the ids are persisted in segments, task lists and reports and never change.</summary>
public static class FieldCatalog
{
    private static readonly IReadOnlyList<string> AccountKinds = [.. Enum.GetValues<AccountKind>().Select(Labels.Of)];
    private static readonly IReadOnlyList<string> AccountStatuses = [.. Enum.GetValues<AccountStatus>().Select(Labels.Of)];
    private static readonly IReadOnlyList<string> OpportunityStatuses = [.. Enum.GetValues<OpportunityStatus>().Select(Labels.Of)];
    private static readonly IReadOnlyList<string> Priorities = [.. Enum.GetValues<TaskPriority>().Select(Labels.Of)];
    private static readonly IReadOnlyList<string> TaskStatuses = [.. Enum.GetValues<CrmTaskStatus>().Select(Labels.Of)];

    public static IReadOnlyList<FieldDefinition> Accounts { get; } =
    [
        Text("name", "Nazwa", (_, r) => Acc(r).Data.Name),
        Choice("kind", "Rodzaj", AccountKinds, (_, r) => FieldValue.Of(Labels.Of(Acc(r).Data.Kind), (int)Acc(r).Data.Kind)),
        Text("industry", "Branża", (_, r) => Acc(r).Data.Industry),
        Text("nip", "NIP", (_, r) => Acc(r).Data.Nip),
        Text("street", "Ulica i numer", (_, r) => Acc(r).Data.Street),
        Text("postalCode", "Kod pocztowy", (_, r) => Acc(r).Data.PostalCode),
        Text("city", "Miejscowość", (_, r) => Acc(r).Data.City),
        Text("voivodeship", "Województwo", (_, r) => Acc(r).Data.Voivodeship),
        Text("phone", "Telefon", (_, r) => Acc(r).Data.Phone),
        Text("email", "E-mail", (_, r) => Acc(r).Data.Email),
        Text("website", "Strona WWW", (_, r) => Acc(r).Data.Website),
        Number("employees", "Liczba pracowników", FieldType.Number, (_, r) => Acc(r).Data.Employees),
        Choice("status", "Status", AccountStatuses, (_, r) => FieldValue.Of(Labels.Of(Acc(r).Data.Status), (int)Acc(r).Data.Status)),
        Number("contacts", "Liczba osób kontaktowych", FieldType.Number, (s, r) => s.Contacts.Count(c => c.AccountId == Acc(r).Id)),
        Number("openValue", "Wartość otwartych szans", FieldType.Money,
            (s, r) => s.Opportunities.Where(o => o.Details.AccountId == Acc(r).Id && o.Status == OpportunityStatus.Open).Sum(o => o.Details.Value)),
        Date("createdOn", "Data utworzenia", (_, r) => DateOnly.FromDateTime(Acc(r).CreatedAt)),
    ];

    public static IReadOnlyList<FieldDefinition> Contacts { get; } =
    [
        Text("firstName", "Imię", (_, r) => Con(r).Data.FirstName),
        Text("lastName", "Nazwisko", (_, r) => Con(r).Data.LastName),
        Text("position", "Stanowisko", (_, r) => Con(r).Data.Position),
        Text("email", "E-mail", (_, r) => Con(r).Data.Email),
        Text("phone", "Telefon", (_, r) => Con(r).Data.Phone),
        Text("account", "Klient", (s, r) => s.AccountName(Con(r).AccountId)),
        Text("industry", "Branża klienta", (s, r) => s.FindAccount(Con(r).AccountId)?.Data.Industry),
        Text("city", "Miejscowość klienta", (s, r) => s.FindAccount(Con(r).AccountId)?.Data.City),
    ];

    public static IReadOnlyList<FieldDefinition> Opportunities { get; } =
    [
        Text("name", "Nazwa", (_, r) => Opp(r).Details.Name),
        Text("account", "Klient", (s, r) => s.AccountName(Opp(r).Details.AccountId)),
        Text("contact", "Osoba kontaktowa", (s, r) => s.FindContact(Opp(r).Details.ContactId) is { } c ? $"{c.Data.FirstName} {c.Data.LastName}" : null),
        Text("pipeline", "Lejek", (s, r) => s.FindPipeline(Opp(r).PipelineId)?.Name),
        new("stage", "Etap", FieldType.Text, [], (s, r) => s.FindStage(Opp(r).StageId) is { } st ? FieldValue.Of(st.Stage.Name, st.Index) : FieldValue.Of("")),
        Choice("status", "Status", OpportunityStatuses, (_, r) => FieldValue.Of(Labels.Of(Opp(r).Status), (int)Opp(r).Status)),
        Number("value", "Wartość", FieldType.Money, (_, r) => Opp(r).Details.Value),
        Number("probability", "Prawdopodobieństwo (%)", FieldType.Number, (s, r) => s.FindStage(Opp(r).StageId)?.Stage.Probability),
        Number("weightedValue", "Wartość ważona", FieldType.Money,
            (s, r) => Math.Round(Opp(r).Details.Value * (s.FindStage(Opp(r).StageId)?.Stage.Probability ?? 0) / 100m, 2)),
        Date("expectedClose", "Planowana data zamknięcia", (_, r) => Opp(r).Details.ExpectedClose),
        Date("closedOn", "Data zamknięcia", (_, r) => Opp(r).ClosedAt is { } at ? DateOnly.FromDateTime(at) : null),
        Text("industry", "Branża klienta", (s, r) => s.FindAccount(Opp(r).Details.AccountId)?.Data.Industry),
        Text("voivodeship", "Województwo klienta", (s, r) => s.FindAccount(Opp(r).Details.AccountId)?.Data.Voivodeship),
        Date("createdOn", "Data utworzenia", (_, r) => DateOnly.FromDateTime(Opp(r).CreatedAt)),
    ];

    public static IReadOnlyList<FieldDefinition> Tasks { get; } =
    [
        Text("title", "Zadanie", (_, r) => Tsk(r).Data.Title),
        Date("dueDate", "Termin", (_, r) => Tsk(r).Data.DueDate),
        Choice("priority", "Priorytet", Priorities, (_, r) => FieldValue.Of(Labels.Of(Tsk(r).Data.Priority), (int)Tsk(r).Data.Priority)),
        Choice("status", "Status", TaskStatuses, (_, r) => FieldValue.Of(Labels.Of(Tsk(r).Status), (int)Tsk(r).Status)),
        Number("progress", "Stopień realizacji (%)", FieldType.Number, (_, r) => Tsk(r).Progress),
        Text("account", "Klient", (s, r) => s.FindAccount(Tsk(r).Data.AccountId)?.Data.Name),
        Text("opportunity", "Szansa sprzedaży", (s, r) => s.FindOpportunity(Tsk(r).Data.OpportunityId)?.Details.Name),
        Text("pipeline", "Lejek", (s, r) => s.FindPipeline(Tsk(r).Data.PipelineId)?.Name),
        new("stage", "Etap", FieldType.Text, [], (s, r) => s.FindStage(Tsk(r).Data.StageId) is { } st ? FieldValue.Of(st.Stage.Name, st.Index) : FieldValue.Of("")),
        Date("createdOn", "Data utworzenia", (_, r) => DateOnly.FromDateTime(Tsk(r).CreatedAt)),
    ];

    public static IReadOnlyList<FieldDefinition> For(ReportSource source) => source switch
    {
        ReportSource.Accounts => Accounts,
        ReportSource.Contacts => Contacts,
        ReportSource.Opportunities => Opportunities,
        ReportSource.Tasks => Tasks,
        _ => [],
    };

    public static FieldDefinition? Find(ReportSource source, string? id) => For(source).FirstOrDefault(f => f.Id == id);

    public static string SourceLabel(ReportSource source) => source switch
    {
        ReportSource.Accounts => "Klienci",
        ReportSource.Contacts => "Osoby kontaktowe",
        ReportSource.Opportunities => "Szanse sprzedaży",
        ReportSource.Tasks => "Zadania",
        _ => source.ToString(),
    };

    public static IReadOnlyList<SourceRow> Rows(SandboxState state, ReportSource source) => source switch
    {
        ReportSource.Accounts => [.. state.Accounts.Select(a => new SourceRow(a.Id, a))],
        ReportSource.Contacts => [.. state.Contacts.Select(c => new SourceRow(c.Id, c))],
        ReportSource.Opportunities => [.. state.Opportunities.Select(o => new SourceRow(o.Id, o))],
        ReportSource.Tasks => [.. state.Tasks.Select(t => new SourceRow(t.Id, t))],
        _ => [],
    };

    private static Account Acc(object r) => (Account)r;

    private static Contact Con(object r) => (Contact)r;

    private static Opportunity Opp(object r) => (Opportunity)r;

    private static CrmTask Tsk(object r) => (CrmTask)r;

    private static FieldDefinition Text(string id, string label, Func<SandboxState, object, string?> read) =>
        new(id, label, FieldType.Text, [], (s, r) => FieldValue.Of(read(s, r)));

    private static FieldDefinition Choice(string id, string label, IReadOnlyList<string> choices, Func<SandboxState, object, FieldValue> read) =>
        new(id, label, FieldType.Choice, choices, read);

    private static FieldDefinition Number(string id, string label, FieldType type, Func<SandboxState, object, decimal?> read) =>
        new(id, label, type, [], (s, r) => FieldValue.Of(read(s, r), type));

    private static FieldDefinition Date(string id, string label, Func<SandboxState, object, DateOnly?> read) =>
        new(id, label, FieldType.Date, [], (s, r) => FieldValue.Of(read(s, r)));
}
