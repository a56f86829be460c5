using System.Collections.Immutable;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>The company the candidate works for in the scenario: the sender of every offer.</summary>
public sealed record Seller(string Name, string Nip, string Street, string PostalCode, string City, string Phone, string Email, string Website);

public sealed record Product(string Id, string Code, string Name, ProductKind Kind, string Unit, decimal NetPrice, int VatRate);

/// <summary>What a person enters about an account; an edit replaces it whole.</summary>
public sealed record AccountData(
    string Name,
    AccountKind Kind,
    string? Industry,
    string? Nip,
    string? Street,
    string? PostalCode,
    string? City,
    string? Voivodeship,
    string? Phone,
    string? Email,
    string? Website,
    int? Employees,
    AccountStatus Status);

/// <summary>An entry of an account's event history: offers sent, won or lost opportunities, notes of calls and meetings.</summary>
public sealed record AccountEvent(DateTime At, AccountEventKind Kind, string Text, string By, string? OfferId);

public sealed record Account(string Id, AccountData Data, ImmutableList<AccountEvent> Events, DateTime CreatedAt, string CreatedBy);

public sealed record ContactData(string FirstName, string LastName, string? Position, string? Email, string? Phone);

public sealed record Contact(string Id, string AccountId, ContactData Data, DateTime CreatedAt, string CreatedBy);

public sealed record Stage(string Id, string Name, int Probability);

/// <summary>A sales funnel; its stages are in the order an opportunity goes through them.</summary>
public sealed record Pipeline(string Id, string Name, ImmutableList<Stage> Stages, DateTime CreatedAt, string CreatedBy);

/// <summary>What a person enters about an opportunity; its stage changes only by moves, won and lost.</summary>
public sealed record OpportunityDetails(string Name, string AccountId, string? ContactId, decimal Value, DateOnly ExpectedClose);

/// <summary>Something that must be done before the opportunity can leave <see cref="StageId"/> for a later stage.</summary>
public sealed record OpportunityActivity(string Id, string StageId, string Description, DateOnly? DueDate, bool Done, DateTime CreatedAt, string CreatedBy, DateTime? DoneAt);

/// <summary>One line of an opportunity's history; <see cref="Note"/> says in Polish what an edit changed.</summary>
public sealed record OpportunityChange(DateTime At, string By, OpportunityChangeKind Kind, string? FromStageId, string? ToStageId, string? Note);

public sealed record Opportunity(
    string Id,
    OpportunityDetails Details,
    string PipelineId,
    string StageId,
    OpportunityStatus Status,
    string? CloseReason,
    DateTime? ClosedAt,
    DateTime CreatedAt,
    string CreatedBy,
    ImmutableList<OpportunityActivity> Activities,
    ImmutableList<OpportunityChange> History);

public sealed record CrmTaskData(
    string Title,
    DateOnly DueDate,
    TaskPriority Priority,
    string? AccountId,
    string? OpportunityId,
    string? PipelineId,
    string? StageId,
    string? Notes);

/// <summary>A task of the sales team; <see cref="Progress"/> is its completion in per cent, 100 exactly when done.</summary>
public sealed record CrmTask(string Id, CrmTaskData Data, CrmTaskStatus Status, int Progress, DateTime CreatedAt, string CreatedBy);

public enum FilterOperator
{
    Equals = 1,
    NotEquals = 2,
    Contains = 3,
    AtLeast = 4,
    AtMost = 5,
    IsEmpty = 6,
    IsNotEmpty = 7,
}

/// <summary>One condition of a filter on a field of the catalogue (<see cref="Filtering.FieldCatalog"/>); conditions are joined with "and".</summary>
public sealed record FilterCondition(string Field, FilterOperator Operator, string? Value);

/// <summary>A saved filter of accounts, e.g. the municipalities of one voivodeship for a campaign.</summary>
public sealed record Segment(string Id, string Name, string? Purpose, ImmutableList<FilterCondition> Conditions, DateTime SavedAt, string SavedBy);

/// <summary>A saved list of the tasks due in a time range, optionally narrowed by conditions on tasks.</summary>
public sealed record TaskList(string Id, string Name, DateOnly From, DateOnly To, ImmutableList<FilterCondition> Conditions, DateTime SavedAt, string SavedBy);

public enum ReportSource
{
    Accounts = 1,
    Contacts = 2,
    Opportunities = 3,
    Tasks = 4,
}

public enum DateBucket
{
    None = 0,
    Month = 1,
    Quarter = 2,
    Year = 3,
}

public enum AggregateFunction
{
    Count = 1,
    Sum = 2,
    Average = 3,
    Min = 4,
    Max = 5,
}

public enum ChartKind
{
    Table = 1,
    Bar = 2,
    Line = 3,
    Pie = 4,
}

public enum ExportFormat
{
    Csv = 1,
}

/// <summary>
/// Rows grouped by <see cref="Field"/> (dates by <see cref="Bucket"/>), and, for a comparison, split into series by
/// <see cref="SeriesField"/> (e.g. the value of opportunities per month, won against lost).
/// </summary>
public sealed record ReportGrouping(string Field, DateBucket Bucket, string? SeriesField);

/// <summary>A summary per group: <see cref="Field"/> is null only for <see cref="AggregateFunction.Count"/>.</summary>
public sealed record ReportAggregate(AggregateFunction Function, string? Field);

public sealed record ReportDefinition(
    ReportSource Source,
    ImmutableList<string> Columns,
    ImmutableList<FilterCondition> Filters,
    ReportGrouping? Grouping,
    ImmutableList<ReportAggregate> Aggregates,
    ChartKind Chart);

public sealed record ReportExport(DateTime At, string By, ExportFormat Format, int Rows);

public sealed record SavedReport(string Id, string Name, ReportDefinition Definition, DateTime SavedAt, string SavedBy, ImmutableList<ReportExport> Exports);

/// <summary>An offer template: Liquid text with tags (<see cref="Offers.OfferTags"/>) filled from the records.</summary>
public sealed record OfferTemplate(string Id, string Name, string Body, DateTime SavedAt, string SavedBy);

public sealed record OfferLine(
    string ProductId,
    string Code,
    string Name,
    string Unit,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal Net,
    int VatRate,
    decimal Vat,
    decimal Gross);

/// <summary>Who an offer is for, copied from the records when it was generated: later edits do not change a document already made.</summary>
public sealed record OfferRecipient(
    string AccountId,
    string AccountName,
    string? Nip,
    string? Street,
    string? PostalCode,
    string? City,
    string? Industry,
    string ContactId,
    string FirstName,
    string LastName,
    string? Position,
    string? Email,
    string? Phone);

/// <summary>
/// A generated offer, laid out for a document: the seller and the recipient, the template's text rendered for them
/// (<see cref="Body"/>; paragraphs are separated by a blank line), the lines and the totals.
/// </summary>
public sealed record Offer(
    string Id,
    string Number,
    string TemplateId,
    string TemplateName,
    string? OpportunityId,
    Seller Seller,
    OfferRecipient Recipient,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    string Body,
    ImmutableList<OfferLine> Lines,
    decimal TotalNet,
    decimal TotalVat,
    decimal TotalGross,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? SentAt,
    string? SentTo);

/// <summary>An answer the candidate wrote on the task sheet to a question read from the CRM.</summary>
public sealed record SheetAnswer(string QuestionId, string Text, DateTime At, string By);
