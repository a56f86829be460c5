using System.Collections.Immutable;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Scenarios;

/// <summary>The short brief the candidate reads first: who they work for, what they sell to whom, and the goals.</summary>
public sealed record ScenarioBrief(string Title, string Situation, ImmutableList<string> Goals);

/// <summary>
/// One attempt's world, made from its seed alone (<see cref="ScenarioGenerator"/>): the CRM as the candidate finds it
/// and the <see cref="Exercise"/> that the task sheet asks for and the checkers compare with. The same seed gives the
/// same scenario on any machine.
/// </summary>
public sealed record Scenario(
    int Seed,
    DateOnly ReferenceDate,
    string Theme,
    ScenarioBrief Brief,
    Seller Seller,
    ImmutableList<Product> Products,
    ImmutableList<Account> Accounts,
    ImmutableList<Contact> Contacts,
    ImmutableList<Pipeline> Pipelines,
    ImmutableList<Opportunity> Opportunities,
    ImmutableList<CrmTask> Tasks,
    IdCounters Counters,
    Exercise Exercise)
{
    /// <summary>The sandbox before the candidate's first action.</summary>
    public SandboxState InitialState() => new(
        Seed, ReferenceDate, 0, Counters, Seller, Products, Accounts, Contacts, Pipelines, Opportunities, Tasks,
        [], [], [], [], [], [], [.. Exercise.Questions.Select(q => q.Id)]);
}

/// <summary>A new client described on the task sheet (as if from a business card), to be entered by the candidate.</summary>
public sealed record NewAccountSpec(AccountData Data, ContactData Contact);

/// <summary>An account whose data the sheet says changed or is missing; the expected values are those the sheet gives.</summary>
public sealed record AccountFixSpec(string AccountId, string Reason, ImmutableList<FieldExpectation> Fields);

public sealed record ContactFixSpec(string ContactId, string Reason, ImmutableList<FieldExpectation> Fields);

/// <summary>A field of an account or contact and the value it should have after the candidate's work.</summary>
public sealed record FieldExpectation(string Field, string Label, string Value);

public sealed record SegmentSpec(string Name, string Purpose, string Industry, string Voivodeship, AccountStatus ExcludedStatus);

public sealed record PipelineSpec(string Name, string FormOfSale, ImmutableList<string> Stages);

public sealed record StageAssignmentSpec(string TaskId, string PipelineId, string StageId);

public sealed record ScheduleSpec(string OpportunityId, DateOnly From, DateOnly To, ImmutableList<string> StageIds);

public sealed record PrioritySpec(string TaskId, TaskPriority Priority, string Reason);

public sealed record TaskListSpec(string Name, DateOnly From, DateOnly To);

public enum QuestionKind
{
    /// <summary>How many tasks of a stage are done.</summary>
    DoneTasksInStage = 1,

    /// <summary>The completion per cent of one task.</summary>
    TaskProgress = 2,

    /// <summary>The total value of the open opportunities at one stage.</summary>
    OpenValueInStage = 3,
}

/// <summary>A question the candidate answers by reading the CRM; <see cref="SubjectId"/> is the stage or task it is about.</summary>
public sealed record QuestionSpec(string Id, string CriterionId, QuestionKind Kind, string SubjectId, string Text);

public sealed record NewOpportunitySpec(string Name, int NewAccountIndex, decimal Value, string PipelineId, string StageId, DateOnly ExpectedClose);

public sealed record ValueChangeSpec(string OpportunityId, decimal OldValue, decimal NewValue, string Reason);

public sealed record ReassignSpec(string OpportunityId, string WrongAccountId, string RightAccountId, string RightContactId);

public sealed record ActivitiesSpec(string OpportunityId, string StageId, int MinCount, ImmutableList<string> Examples);

public sealed record MoveSpec(string OpportunityId, string FromStageId, string ToStageId);

public sealed record CloseSpec(string OpportunityId, bool Won, string Reason);

/// <summary>The report of open opportunities by stage the sheet asks for.</summary>
public sealed record StageReportSpec(string Name, string PipelineId, decimal MinValue, ImmutableList<string> Columns);

/// <summary>The comparison of won opportunities by month the sheet asks for.</summary>
public sealed record MonthlyReportSpec(string Name);

public sealed record OfferLineSpec(string ProductId, decimal Quantity);

public sealed record OfferSpec(string TemplateName, string AccountId, string ContactId, string OpportunityId, ImmutableList<OfferLineSpec> Lines, int ValidDays, ImmutableList<string> RequiredTags);

/// <summary>The records and values the tasks are about: the sheet is written from it and the checkers judge by it.</summary>
public sealed record Exercise(
    ImmutableList<NewAccountSpec> NewAccounts,
    ImmutableList<AccountFixSpec> AccountFixes,
    ImmutableList<ContactFixSpec> ContactFixes,
    SegmentSpec Segment,
    PipelineSpec Pipeline,
    ImmutableList<StageAssignmentSpec> StageAssignments,
    ScheduleSpec Schedule,
    ImmutableList<PrioritySpec> Priorities,
    TaskListSpec TaskList,
    ImmutableList<QuestionSpec> Questions,
    NewOpportunitySpec NewOpportunity,
    ValueChangeSpec ValueChange,
    ReassignSpec Reassign,
    ActivitiesSpec Activities,
    ImmutableList<MoveSpec> Moves,
    ImmutableList<CloseSpec> Closes,
    StageReportSpec StageReport,
    MonthlyReportSpec MonthlyReport,
    OfferSpec Offer);
