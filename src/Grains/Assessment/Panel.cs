namespace Certification.Assessment;

/// <summary>Why someone may not assess a candidate. Values are stored: never renumber.</summary>
public enum ConflictKind
{
    /// <summary>They led a training the candidate attended: training and validation are kept apart.</summary>
    TrainedCandidate = 1,

    /// <summary>They declared a conflict themselves (family, employer, a personal relation).</summary>
    Declared = 2,
}

/// <summary>A known reason why <paramref name="AssessorId"/> may not sit on <paramref name="CandidateId"/>'s panel.</summary>
/// <param name="Detail">What a scheduler reads: the training and its dates, or the declared reason.</param>
[GenerateSerializer, Immutable, Alias("cert.assess.PanelConflict")]
public sealed record PanelConflict(
    [property: Id(0)] Guid AssessorId,
    [property: Id(1)] Guid CandidateId,
    [property: Id(2)] ConflictKind Kind,
    [property: Id(3)] string Detail);

/// <summary>Why a panel cannot sit: a stable code, the assessor it is about (if one), and the detail a scheduler needs.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.PanelObjection")]
public sealed record PanelObjection(
    [property: Id(0)] string Code,
    [property: Id(1)] Guid? AssessorId = null,
    [property: Id(2)] string? Detail = null);

/// <summary>
/// Who may form a candidate's validation panel (QUALIFICATION.md, rules 3 and 4): at least two assessors,
/// each one distinct, none of them the candidate, and none who trained the candidate or declared a conflict.
/// Assessors and candidates are CRM people, so a trainer is recognised whichever account they sign in with.
/// </summary>
public static class PanelRules
{
    public const int MinimumSize = 2;
    public const string TooSmall = "panel.too_small";
    public const string Repeated = "panel.repeated";
    public const string CandidateOnPanel = "panel.candidate";
    public const string TrainedCandidate = "panel.trained_candidate";
    public const string DeclaredConflict = "panel.declared_conflict";
    public const string GradingStarted = "panel.grading_started";
    public const string Incomplete = "panel.incomplete";

    /// <summary>
    /// Whether <paramref name="proposed"/> only completes a panel a withdrawal left too small: everyone still on it stays,
    /// so their grades stay theirs, and the newcomers grade on their own. Once grading has started, nothing else may change.
    /// </summary>
    public static bool Completes(IReadOnlyCollection<Guid> current, IReadOnlyCollection<Guid> proposed) =>
        current.Count < MinimumSize && current.All(proposed.Contains);

    /// <summary>The reasons the panel is refused, each naming the assessor it is about (empty: the panel may sit).</summary>
    public static IReadOnlyList<PanelObjection> Check(Guid candidateId, IReadOnlyList<Guid> assessors, IEnumerable<PanelConflict> conflicts)
    {
        var objections = new List<PanelObjection>();
        if (assessors.Distinct().Count() < MinimumSize)
        {
            objections.Add(new PanelObjection(TooSmall));
        }

        objections.AddRange(assessors.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => new PanelObjection(Repeated, g.Key)));
        if (assessors.Contains(candidateId))
        {
            objections.Add(new PanelObjection(CandidateOnPanel, candidateId));
        }

        objections.AddRange(conflicts
            .Where(c => c.CandidateId == candidateId && assessors.Contains(c.AssessorId))
            .Distinct()
            .Select(c => new PanelObjection(c.Kind == ConflictKind.TrainedCandidate ? TrainedCandidate : DeclaredConflict, c.AssessorId, c.Detail)));
        return objections;
    }
}
