using System.Text.Json.Serialization;
using Certification.Infrastructure;

namespace Certification.Assessment;

/// <summary>The two parts of a validation the panel grades. Values are stored: never renumber.</summary>
public enum AssessmentPart
{
    /// <summary>Observation in the simulated CRM: the criteria verified by simulation.</summary>
    Practical = 1,

    /// <summary>The panel interview: the criteria verified by interview.</summary>
    Interview = 2,
}

/// <summary>
/// Everything that happens to one candidate's validation in one session, as stored in <c>audit_event</c>.
/// The JSON property names are the stored schema: add members, never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PanelAppointed), "panel")]
[JsonDerivedType(typeof(GradesSaved), "grades")]
[JsonDerivedType(typeof(DisagreementResolved), "resolved")]
[JsonDerivedType(typeof(DecisionDrafted), "decision-drafted")]
[JsonDerivedType(typeof(DecisionSigned), "decision-signed")]
[JsonDerivedType(typeof(AppealFiled), "appeal-filed")]
[JsonDerivedType(typeof(ReviewerAssigned), "appeal-reviewer")]
[JsonDerivedType(typeof(AppealDecided), "appeal-decided")]
[JsonDerivedType(typeof(PanelMemberWithdrawn), "panel-withdrawn")]
[JsonDerivedType(typeof(ConflictAfterDecision), "conflict-after-decision")]
[JsonDerivedType(typeof(ObservationNoted), "observation")]
[JsonDerivedType(typeof(RevalidationScheduled), "revalidation-scheduled")]
public abstract record AssessmentEvent : AuditedEvent;

/// <summary>
/// The panel (CRM people) appointed for the candidate; replaces an earlier one before grading starts, and afterwards
/// only completes a panel a withdrawal left too small (everyone still on it stays).
/// </summary>
public sealed record PanelAppointed(Guid SessionId, Guid CandidateId, IReadOnlyList<Guid> Assessors) : AssessmentEvent;

/// <summary>An assessor's grades of a part, as a draft or submitted (then fixed).</summary>
public sealed record GradesSaved(AssessmentPart Part, Guid Assessor, IReadOnlyList<CriterionGrade> Grades, bool Submitted) : AssessmentEvent;

/// <summary>The panel's grade of a criterion its assessors graded differently; <see cref="AuditedEvent.Reason"/> says why.</summary>
public sealed record DisagreementResolved(AssessmentPart Part, string CriterionId, bool Met, Guid By) : AssessmentEvent;

/// <summary>The decision as a panel member words it; any earlier signatures lapse, since they were for other words.</summary>
public sealed record DecisionDrafted(DecisionOutcome Outcome, IReadOnlyDictionary<string, string> Justifications, DecisionBasis Basis, Guid By) : AssessmentEvent;

/// <summary>A panel member signs the current draft; the last signature makes the decision final.</summary>
public sealed record DecisionSigned(Guid By) : AssessmentEvent;

/// <summary>The candidate appeals; <see cref="AuditedEvent.Reason"/> holds their reasons.</summary>
public sealed record AppealFiled(Guid By) : AssessmentEvent;

public sealed record ReviewerAssigned(Guid Reviewer) : AssessmentEvent;

/// <summary>
/// The reviewer's outcome with reasons (<see cref="AuditedEvent.Reason"/>). When the decision is changed,
/// <see cref="NewOutcome"/> and <see cref="Justifications"/> are the decision that now stands.
/// </summary>
public sealed record AppealDecided(
    AppealOutcome Outcome, Guid Reviewer, DecisionOutcome? NewOutcome, IReadOnlyDictionary<string, string>? Justifications) : AssessmentEvent;

/// <summary>
/// A panel member declared a conflict of interest with the candidate before the decision was final (the declared reason
/// is <see cref="AuditedEvent.Reason"/>). They leave the panel; their draft is dropped; the sheets they submitted, the
/// resolutions made while they sat and an unsigned decision no longer count. Nothing is erased: the trail keeps it all.
/// </summary>
public sealed record PanelMemberWithdrawn(Guid Assessor) : AssessmentEvent;

/// <summary>A panel member declared a conflict after the decision was final: on record for an appeal; the decision stands.</summary>
public sealed record ConflictAfterDecision(Guid Assessor) : AssessmentEvent;

/// <summary>A panel member pins a note to the action numbered <see cref="ActionSequence"/> in the candidate's simulation.</summary>
public sealed record ObservationNoted(int ActionSequence, string Text, Guid By) : AssessmentEvent;

/// <summary>
/// The candidate of an appeal upheld with a new validation was put on the roster of a later session (its title and start
/// as they were then). The appeal in this stream is the reason; until this event the candidate awaits a session.
/// </summary>
public sealed record RevalidationScheduled(Guid SessionId, string SessionTitle, DateTimeOffset StartsAt) : AssessmentEvent;
