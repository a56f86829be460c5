using Certification.Common;

namespace Certification.Assessment;

/// <summary>How an appeal ended. Values are stored: never renumber.</summary>
public enum AppealOutcome
{
    Rejected = 1,

    /// <summary>Upheld: the reviewer changed the decision.</summary>
    DecisionChanged = 2,

    /// <summary>Upheld: the candidate is validated again, by a new panel.</summary>
    NewValidation = 3,
}

/// <summary>
/// The appeal procedure (QUALIFICATION.md, rule 7): the candidate appeals in writing within a number of
/// days of the decision (14 unless the institution sets otherwise), giving reasons; a reviewer who was not
/// on the panel, and has no conflict with the candidate, handles it; every outcome is reasoned.
/// </summary>
public static class AppealRules
{
    public const int DefaultDays = 14;
    public const int MaxReasonLength = 8000;
    public const string Late = "appeal.late";
    public const string ReasonsRequired = "appeal.reasons_required";
    public const string TooLong = "appeal.too_long";
    public const string NoSignedDecision = "appeal.no_decision";
    public const string AlreadyFiled = "appeal.already_filed";
    public const string ReviewerOnPanel = "appeal.reviewer_on_panel";
    public const string ReviewerConflict = "appeal.reviewer_conflict";

    /// <summary>
    /// The last day to appeal: the day the decision was signed (in Poland) is not counted, the deadline's
    /// last day is, whole, as for time limits in days in Polish administrative procedure (KPA art. 57 §1).
    /// </summary>
    public static DateOnly LastDay(DateTimeOffset decisionSignedAt, int days) => PolishDate.Of(decisionSignedAt).AddDays(days);

    public static string? CheckFiling(DateTimeOffset decisionSignedAt, int days, DateTimeOffset now, string? reasons)
    {
        if (PolishDate.Of(now) > LastDay(decisionSignedAt, days))
        {
            return Late;
        }

        return string.IsNullOrWhiteSpace(reasons) ? ReasonsRequired
            : reasons.Trim().Length > MaxReasonLength ? TooLong
            : null;
    }

    /// <summary>Why <paramref name="reviewer"/> may not handle the appeal, or null when they may.</summary>
    public static PanelObjection? CheckReviewer(Guid reviewer, Guid candidateId, IReadOnlyCollection<Guid> panel, IEnumerable<PanelConflict> conflicts)
    {
        if (panel.Contains(reviewer))
        {
            return new PanelObjection(ReviewerOnPanel, reviewer);
        }

        return conflicts.FirstOrDefault(c => c.AssessorId == reviewer && c.CandidateId == candidateId) is { } conflict
            ? new PanelObjection(ReviewerConflict, reviewer, conflict.Detail)
            : null;
    }
}
