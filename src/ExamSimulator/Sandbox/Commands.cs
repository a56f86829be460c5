using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// Everything a candidate can do in the sandbox. Commands are plain data, persisted in the action log as JSON with a
/// stable discriminator (<c>"$type": "opportunity.move"</c>): the discriminators are the schema and never change.
/// A command that creates a record gets its id from the sandbox (<see cref="CommandOutcome.CreatedId"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CreateAccount), "account.create")]
[JsonDerivedType(typeof(UpdateAccount), "account.update")]
[JsonDerivedType(typeof(RecordAccountEvent), "account.event")]
[JsonDerivedType(typeof(CreateContact), "contact.create")]
[JsonDerivedType(typeof(UpdateContact), "contact.update")]
[JsonDerivedType(typeof(SaveSegment), "segment.save")]
[JsonDerivedType(typeof(DeleteSegment), "segment.delete")]
[JsonDerivedType(typeof(CreatePipeline), "pipeline.create")]
[JsonDerivedType(typeof(AddStage), "stage.add")]
[JsonDerivedType(typeof(UpdateStage), "stage.update")]
[JsonDerivedType(typeof(MoveStage), "stage.reorder")]
[JsonDerivedType(typeof(RemoveStage), "stage.remove")]
[JsonDerivedType(typeof(CreateOpportunity), "opportunity.create")]
[JsonDerivedType(typeof(UpdateOpportunity), "opportunity.update")]
[JsonDerivedType(typeof(MoveOpportunity), "opportunity.move")]
[JsonDerivedType(typeof(CloseOpportunity), "opportunity.close")]
[JsonDerivedType(typeof(ReopenOpportunity), "opportunity.reopen")]
[JsonDerivedType(typeof(AddActivity), "activity.add")]
[JsonDerivedType(typeof(CompleteActivity), "activity.complete")]
[JsonDerivedType(typeof(CreateTask), "task.create")]
[JsonDerivedType(typeof(UpdateTask), "task.update")]
[JsonDerivedType(typeof(UpdateTaskProgress), "task.progress")]
[JsonDerivedType(typeof(SaveTaskList), "tasklist.save")]
[JsonDerivedType(typeof(DeleteTaskList), "tasklist.delete")]
[JsonDerivedType(typeof(SaveReport), "report.save")]
[JsonDerivedType(typeof(DeleteReport), "report.delete")]
[JsonDerivedType(typeof(ExportReport), "report.export")]
[JsonDerivedType(typeof(SaveOfferTemplate), "template.save")]
[JsonDerivedType(typeof(DeleteOfferTemplate), "template.delete")]
[JsonDerivedType(typeof(GenerateOffer), "offer.generate")]
[JsonDerivedType(typeof(SendOffer), "offer.send")]
[JsonDerivedType(typeof(AnswerQuestion), "sheet.answer")]
public abstract record SandboxCommand;

public sealed record CreateAccount(AccountData Data) : SandboxCommand;

public sealed record UpdateAccount(string AccountId, AccountData Data) : SandboxCommand;

/// <summary>A note, call, meeting or e-mail written into the account's event history by hand.</summary>
public sealed record RecordAccountEvent(string AccountId, AccountEventKind Kind, string Text) : SandboxCommand;

public sealed record CreateContact(string AccountId, ContactData Data) : SandboxCommand;

public sealed record UpdateContact(string ContactId, ContactData Data) : SandboxCommand;

/// <summary>Creates a segment when <see cref="SegmentId"/> is null, otherwise replaces it.</summary>
public sealed record SaveSegment(string? SegmentId, string Name, string? Purpose, ImmutableList<FilterCondition> Conditions) : SandboxCommand;

public sealed record DeleteSegment(string SegmentId) : SandboxCommand;

/// <summary>A new pipeline with its first stages, in order (more can be added later).</summary>
public sealed record CreatePipeline(string Name, ImmutableList<string> StageNames) : SandboxCommand;

/// <summary>Adds a stage at <see cref="Position"/> (0 = first), or last when it is null.</summary>
public sealed record AddStage(string PipelineId, string Name, int Probability, int? Position) : SandboxCommand;

public sealed record UpdateStage(string PipelineId, string StageId, string Name, int Probability) : SandboxCommand;

public sealed record MoveStage(string PipelineId, string StageId, int Position) : SandboxCommand;

public sealed record RemoveStage(string PipelineId, string StageId) : SandboxCommand;

public sealed record CreateOpportunity(OpportunityDetails Details, string PipelineId, string StageId) : SandboxCommand;

/// <summary>Replaces the name, account, contact, value and expected close date; the stage changes only by a move.</summary>
public sealed record UpdateOpportunity(string OpportunityId, OpportunityDetails Details) : SandboxCommand;

public sealed record MoveOpportunity(string OpportunityId, string StageId) : SandboxCommand;

/// <summary>Marks an open opportunity won or lost; a lost one needs a reason.</summary>
public sealed record CloseOpportunity(string OpportunityId, bool Won, string? Reason) : SandboxCommand;

public sealed record ReopenOpportunity(string OpportunityId) : SandboxCommand;

/// <summary>An activity needed to close <see cref="StageId"/> of the opportunity's pipeline.</summary>
public sealed record AddActivity(string OpportunityId, string StageId, string Description, DateOnly? DueDate) : SandboxCommand;

public sealed record CompleteActivity(string OpportunityId, string ActivityId) : SandboxCommand;

public sealed record CreateTask(CrmTaskData Data) : SandboxCommand;

public sealed record UpdateTask(string TaskId, CrmTaskData Data) : SandboxCommand;

public sealed record UpdateTaskProgress(string TaskId, CrmTaskStatus Status, int Progress) : SandboxCommand;

public sealed record SaveTaskList(string? TaskListId, string Name, DateOnly From, DateOnly To, ImmutableList<FilterCondition> Conditions) : SandboxCommand;

public sealed record DeleteTaskList(string TaskListId) : SandboxCommand;

public sealed record SaveReport(string? ReportId, string Name, ReportDefinition Definition) : SandboxCommand;

public sealed record DeleteReport(string ReportId) : SandboxCommand;

/// <summary>Records that a report was exported; the file itself is made from the state (<see cref="Reports.ReportCsv"/>).</summary>
public sealed record ExportReport(string ReportId, ExportFormat Format) : SandboxCommand;

public sealed record SaveOfferTemplate(string? TemplateId, string Name, string Body) : SandboxCommand;

public sealed record DeleteOfferTemplate(string TemplateId) : SandboxCommand;

public sealed record OfferLineRequest(string ProductId, decimal Quantity, decimal DiscountPercent);

public sealed record GenerateOffer(
    string TemplateId,
    string AccountId,
    string ContactId,
    string? OpportunityId,
    ImmutableList<OfferLineRequest> Lines,
    int ValidDays) : SandboxCommand;

/// <summary>"Sends" an offer to its contact's e-mail: no mail leaves the sandbox, the account's history records it.</summary>
public sealed record SendOffer(string OfferId, string? Message) : SandboxCommand;

public sealed record AnswerQuestion(string QuestionId, string Text) : SandboxCommand;
