using System.Reflection;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// Every code a command can be refused with (<see cref="CommandError.Code"/>). Codes are stored in action logs and
/// compared on replay: never rename one. A UI that words refusals in its own language keys its texts by
/// <see cref="Keys"/>; the simulator's own sentences are Polish.
/// </summary>
public static class RefusalCodes
{
    public const string Required = "required";
    public const string TooLong = "too_long";

    public const string AccountNotFound = "account.not_found";
    public const string ActivityNotFound = "activity.not_found";
    public const string ContactNotFound = "contact.not_found";
    public const string OfferNotFound = "offer.not_found";
    public const string OpportunityNotFound = "opportunity.not_found";
    public const string PipelineNotFound = "pipeline.not_found";
    public const string ProductNotFound = "product.not_found";
    public const string ReportNotFound = "report.not_found";
    public const string SegmentNotFound = "segment.not_found";
    public const string StageNotFound = "stage.not_found";
    public const string TaskNotFound = "task.not_found";
    public const string TaskListNotFound = "taskList.not_found";
    public const string TemplateNotFound = "template.not_found";

    public const string AccountNameTaken = "account.name_taken";
    public const string PipelineNameTaken = "pipeline.name_taken";
    public const string ReportNameTaken = "report.name_taken";
    public const string SegmentNameTaken = "segment.name_taken";
    public const string TaskListNameTaken = "taskList.name_taken";
    public const string TemplateNameTaken = "template.name_taken";

    public const string DueDatePast = "dueDate.past";
    public const string ExpectedClosePast = "expectedClose.past";

    public const string NipChecksum = "account.nip_checksum";
    public const string NipTaken = "account.nip_taken";
    public const string PostalCode = "postal_code.format";
    public const string Email = "email.format";
    public const string Phone = "phone.format";
    public const string Voivodeship = "account.voivodeship_unknown";
    public const string Employees = "account.employees_negative";
    public const string EventKind = "account.event_kind";
    public const string ContactOfOtherAccount = "contact.other_account";

    public const string TooManyStages = "pipeline.too_many_stages";
    public const string PipelineWithoutStages = "pipeline.no_stages";
    public const string Probability = "stage.probability_range";
    public const string StagePosition = "stage.position_range";
    public const string StageInUse = "stage.in_use";
    public const string StageOfOtherPipeline = "stage.other_pipeline";
    public const string StageNameRepeated = "stage.name_taken";

    public const string ValuePositive = "opportunity.value_positive";
    public const string OpportunityClosed = "opportunity.closed";
    public const string OpportunityNotClosed = "opportunity.not_closed";
    public const string SameStage = "opportunity.same_stage";
    public const string ActivitiesOpen = "opportunity.activities_open";
    public const string LostReason = "opportunity.lost_reason";
    public const string OpportunityOfOtherAccount = "opportunity.other_account";
    public const string ActivityDone = "activity.done";

    public const string TaskPriority = "task.priority";
    public const string TaskStageWithoutPipeline = "task.stage_pipeline";
    public const string Progress = "task.progress_range";
    public const string ProgressStatus = "task.progress_status";
    public const string RangeOrder = "range.order";
    public const string RangeTooLong = "range.too_long";

    public const string ConditionsRequired = "segment.conditions_required";
    public const string TooManyConditions = "filter.too_many";
    public const string FieldUnknown = "field.unknown";
    public const string OperatorNotFor = "filter.operator";
    public const string FilterValue = "filter.value";
    public const string ColumnsRequired = "report.columns_required";
    public const string AggregatesRequired = "report.aggregates_required";
    public const string AggregateNotNumeric = "report.aggregate_field";
    public const string BucketNotDate = "report.bucket_field";
    public const string ChartNeedsGrouping = "report.chart_grouping";
    public const string ExportFormat = "report.format";

    public const string TemplateSyntax = "template.syntax";
    public const string TemplateUnknownTag = "template.unknown_tag";
    public const string TemplateInclude = "template.include";
    public const string TemplateRender = "template.render";
    public const string LinesRequired = "offer.lines_required";
    public const string Quantity = "offer.quantity";
    public const string Discount = "offer.discount";
    public const string ValidDays = "offer.valid_days";
    public const string ContactWithoutEmail = "offer.contact_email";
    public const string OfferSent = "offer.already_sent";

    public const string QuestionUnknown = "answer.question_unknown";

    /// <summary>The codes worded differently by case (<see cref="CommandError.Variant"/>), with their variants.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Variants { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ProgressStatus] = ["to_do", "in_progress", "done"],
        [OpportunityClosed] = ["won", "lost"],
        [FilterValue] = ["number", "date", "choice", "text"],
    };

    /// <summary>Every wording of a refusal, as a UI keys its texts: the code, or <c>code.variant</c> (see <see cref="KeyOf"/>).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        .. typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .SelectMany(code => Variants.TryGetValue(code, out var variants) ? variants.Select(v => $"{code}.{v}") : [code]),
    ];

    /// <summary>The key of a refusal's wording: its code, followed by its variant where it has one.</summary>
    public static string KeyOf(CommandError error) => error.Variant is null ? error.Code : $"{error.Code}.{error.Variant}";
}
