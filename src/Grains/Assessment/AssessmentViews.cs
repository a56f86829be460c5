namespace Certification.Assessment;

/// <summary>
/// A decision as worded and who has signed it; final once <see cref="SignedAt"/> is set. An appeal upheld with a new
/// validation sets it aside (<see cref="SetAsideAt"/>): it stays on the record, but no longer stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.assess.DecisionView")]
public sealed record DecisionView(
    [property: Id(0)] DecisionOutcome Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, string> Justifications,
    [property: Id(2)] DecisionBasis Basis,
    [property: Id(3)] Guid DraftedBy,
    [property: Id(4)] DateTimeOffset DraftedAt,
    [property: Id(5)] IReadOnlyList<Guid> Signatures,
    [property: Id(6)] DateTimeOffset? SignedAt,
    [property: Id(7)] DateTimeOffset? SetAsideAt = null);

[GenerateSerializer, Immutable, Alias("cert.assess.AppealView")]
public sealed record AppealView(
    [property: Id(0)] DateTimeOffset FiledAt,
    [property: Id(1)] string Reasons,
    [property: Id(2)] Guid? Reviewer,
    [property: Id(3)] AppealOutcome? Outcome,
    [property: Id(4)] string? OutcomeReasons,
    [property: Id(5)] DateTimeOffset? DecidedAt,
    [property: Id(6)] RevalidationView? Revalidation = null);

/// <summary>The new validation an upheld appeal ordered: awaiting a session until one is chosen, then the session the candidate is on.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.RevalidationView")]
public sealed record RevalidationView(
    [property: Id(0)] Guid? SessionId,
    [property: Id(1)] string? SessionTitle,
    [property: Id(2)] DateTimeOffset? StartsAt,
    [property: Id(3)] DateTimeOffset? ScheduledAt)
{
    public static RevalidationView Awaiting { get; } = new(null, null, null, null);

    public bool IsAwaiting => SessionId is null;
}

/// <summary>
/// A conflict of interest a panel member declared while on the panel: before the decision was final they were
/// withdrawn (<see cref="Withdrawn"/>); after it, it is on record and the decision stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.assess.PanelConflictDeclared")]
public sealed record PanelConflictDeclared(
    [property: Id(0)] Guid Assessor,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool Withdrawn);

/// <summary>A validation as staff see it: the panel, where grading stands, the decision and the appeal. No grades: those are shown per viewer.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.AssessmentSnapshot")]
public sealed record AssessmentSnapshot(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid CandidateId,
    [property: Id(2)] int Version,
    [property: Id(3)] IReadOnlyList<Guid> Panel,
    [property: Id(4)] IReadOnlyDictionary<AssessmentPart, IReadOnlyList<Guid>> Submitted,
    [property: Id(5)] IReadOnlyDictionary<AssessmentPart, IReadOnlyList<string>> Disagreements,
    [property: Id(6)] IReadOnlyDictionary<AssessmentPart, IReadOnlyList<Resolution>> Resolutions,
    [property: Id(7)] DecisionView? Decision,
    [property: Id(8)] AppealView? Appeal,
    [property: Id(9)] DateOnly? AppealLastDay,
    [property: Id(10)] IReadOnlyList<PanelConflictDeclared> Conflicts)
{
    /// <summary>A withdrawal left fewer members than a panel needs: the office appoints a replacement before the decision.</summary>
    public bool PanelIncomplete => Panel.Count is > 0 and < PanelRules.MinimumSize;
}

/// <summary>What the candidate is told: the signed decision with its justifications (and when an appeal set it aside), and their appeal.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.CandidateDecision")]
public sealed record CandidateDecision(
    [property: Id(0)] DecisionOutcome Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, string> Justifications,
    [property: Id(2)] DateTimeOffset SignedAt,
    [property: Id(3)] DateOnly AppealLastDay,
    [property: Id(4)] AppealView? Appeal,
    [property: Id(5)] DateTimeOffset? SetAsideAt = null);
