using Certification.Common;

namespace Certification.Assessment;

/// <summary>
/// One candidate's validation in one exam session (key: the session's Guid and the candidate's person id
/// as <c>N</c>-formatted extension, see <see cref="AssessmentKey"/>): the panel, each assessor's grades of
/// the practical part and the interview, the resolutions of disagreements, the decision the panel signs,
/// and the appeal. Panel members and reviewers are CRM people; <c>actor</c> is the acting account.
/// Every change is an event in <c>audit_event</c>, committed before the call returns.
/// </summary>
[Alias("cert.assess.IAssessmentGrain")]
public interface IAssessmentGrain : IGrainWithGuidCompoundKey
{
    /// <summary>
    /// Appoints the panel; refused with the reasons (a trainer of the candidate, a declared conflict, too few), or once
    /// grading has started unless it completes a panel a withdrawal left too small.
    /// </summary>
    [Alias("AppointPanel")]
    Task<IReadOnlyList<PanelObjection>> AppointPanelAsync(IReadOnlyList<Guid> assessors, string actor);

    /// <summary>
    /// A panel member declared a conflict of interest with the candidate (<see cref="PanelConflicts.DeclareAsync"/>). Before
    /// the decision is final they are withdrawn from the panel and nothing of theirs counts; after it, the declaration is
    /// recorded and the decision stands. Nothing happens when they are not on this panel; declaring again is harmless.
    /// </summary>
    [Alias("DeclareConflict")]
    Task<CommandResult> DeclareConflictAsync(Guid assessor, string reason, string actor);

    /// <summary>Saves an assessor's grades of a part; <paramref name="submit"/> fixes them (every criterion then graded).</summary>
    [Alias("SaveGrades")]
    Task<CommandResult> SaveGradesAsync(AssessmentPart part, Guid assessor, IReadOnlyList<CriterionGrade> grades, bool submit, string actor);

    /// <summary>The sheets of a part that <paramref name="viewer"/> may read: their own, and the others' once theirs is submitted.</summary>
    [Alias("Sheets")]
    Task<IReadOnlyList<GradeSheet>> GetSheetsAsync(AssessmentPart part, Guid viewer);

    [Alias("Resolve")]
    Task<CommandResult> ResolveAsync(AssessmentPart part, string criterionId, bool met, string reason, Guid by, string actor);

    /// <summary>Words the decision; it must follow the qualification's rules and justify every unmet part when negative.</summary>
    [Alias("DraftDecision")]
    Task<CommandResult> DraftDecisionAsync(DecisionOutcome outcome, IReadOnlyDictionary<string, string> justifications, Guid by, string actor);

    /// <summary>Signs the current wording; the last panel member's signature makes it final and releases the theory result.</summary>
    [Alias("SignDecision")]
    Task<CommandResult> SignDecisionAsync(Guid by, string actor);

    [Alias("FileAppeal")]
    Task<CommandResult> FileAppealAsync(Guid candidate, string reasons, string actor);

    [Alias("AssignReviewer")]
    Task<IReadOnlyList<PanelObjection>> AssignReviewerAsync(Guid reviewer, string actor);

    /// <summary>
    /// The reviewer's outcome. <see cref="AppealOutcome.DecisionChanged"/> takes the decision that now stands
    /// (checked like any decision); the other outcomes take none. <see cref="AppealOutcome.NewValidation"/> sets the
    /// panel's decision aside and may name the upcoming session of the same qualification the candidate is put on
    /// (<see cref="RevalidationRules"/>); without one the candidate awaits a session on the office's list.
    /// </summary>
    [Alias("DecideAppeal")]
    Task<CommandResult> DecideAppealAsync(
        AppealOutcome outcome, string reasons, DecisionOutcome? newOutcome, IReadOnlyDictionary<string, string>? justifications, Guid reviewer, string actor,
        Guid? revalidationSession = null);

    /// <summary>Puts a candidate awaiting the new validation their appeal won on the roster of an upcoming session of the same qualification.</summary>
    [Alias("ScheduleRevalidation")]
    Task<CommandResult> ScheduleRevalidationAsync(Guid sessionId, string actor);

    /// <summary>
    /// Every submitted sheet of a part, for those who check the panel's work (an appeal's reviewer, the office's
    /// agreement figures); drafts stay their author's.
    /// </summary>
    [Alias("SubmittedSheets")]
    Task<IReadOnlyList<GradeSheet>> GetSubmittedSheetsAsync(AssessmentPart part);

    /// <summary>What a decision would rest on now: the theory result and the final grades so far (a part still open has none).</summary>
    [Alias("Basis")]
    Task<DecisionBasis> GetBasisAsync();

    [Alias("Get")]
    Task<AssessmentSnapshot> GetAsync();

    /// <summary>
    /// A panel member pins a note to an action of the candidate's simulation (<see cref="ObservationRules"/>): the action must be
    /// in the simulation's log, the text non-empty and short, the decision not yet signed.
    /// </summary>
    [Alias("NoteObservation")]
    Task<CommandResult> NoteObservationAsync(int actionSequence, string text, Guid by, string actor);

    /// <summary>The panel's notes on the candidate's actions, oldest first. For the panel and those who check its work, never the candidate.</summary>
    [Alias("Observations")]
    Task<IReadOnlyList<ObservationNote>> GetObservationsAsync();

    /// <summary>The decision as the candidate sees it: nothing until the panel has signed.</summary>
    [Alias("ForCandidate")]
    Task<CandidateDecision?> GetForCandidateAsync();
}

public static class AssessmentKey
{
    public static IAssessmentGrain Assessment(this IGrainFactory grains, Guid sessionId, Guid candidateId) =>
        grains.GetGrain<IAssessmentGrain>(sessionId, candidateId.ToString("N"));

    /// <summary>The validation's stream in <c>audit_event</c>: its audit trail.</summary>
    public static string Stream(Guid sessionId, Guid candidateId) => $"assessment:{sessionId:N}:{candidateId:N}";
}
