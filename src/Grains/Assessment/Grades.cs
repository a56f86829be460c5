namespace Certification.Assessment;

/// <summary>One assessor's grade of one criterion: met or not, and what they saw.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.CriterionGrade")]
public sealed record CriterionGrade(
    [property: Id(0)] string CriterionId,
    [property: Id(1)] bool Met,
    [property: Id(2)] string? Comment);

/// <summary>One assessor's grades of one candidate; a draft until submitted, then fixed.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.GradeSheet")]
public sealed record GradeSheet(
    [property: Id(0)] Guid AssessorId,
    [property: Id(1)] IReadOnlyList<CriterionGrade> Grades,
    [property: Id(2)] DateTimeOffset? SubmittedAt);

/// <summary>How the panel settled a criterion its assessors graded differently, and why.</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.Resolution")]
public sealed record Resolution(
    [property: Id(0)] string CriterionId,
    [property: Id(1)] bool Met,
    [property: Id(2)] string Reason,
    [property: Id(3)] Guid RecordedBy,
    [property: Id(4)] DateTimeOffset At);

/// <summary>
/// Independent grading by a panel. Each assessor grades every criterion on their own and submits; until
/// they have, they see no one else's grades, so no grade is an echo of another. Criteria on which the
/// submitted grades differ are disagreements: the panel settles each with a recorded reason, and only then
/// does the criterion have a final grade.
/// </summary>
public static class GradingRules
{
    public const string Incomplete = "grades.incomplete";
    public const string UnknownCriterion = "grades.unknown_criterion";
    public const string AlreadySubmitted = "grades.submitted";
    public const string NotOnPanel = "grades.not_on_panel";
    public const string NoDisagreement = "grades.no_disagreement";
    public const string ReasonRequired = "grades.reason_required";
    public const string NotAllSubmitted = "grades.not_all_submitted";

    /// <summary>Checks a sheet an assessor submits: every criterion of the part graded once, nothing else.</summary>
    public static IReadOnlyList<string> CheckSubmission(IReadOnlyCollection<string> criteria, IReadOnlyList<CriterionGrade> grades)
    {
        var errors = new List<string>();
        if (grades.Any(g => !criteria.Contains(g.CriterionId)))
        {
            errors.Add(UnknownCriterion);
        }

        if (grades.Select(g => g.CriterionId).Distinct().Count() != grades.Count || criteria.Any(c => grades.All(g => g.CriterionId != c)))
        {
            errors.Add(Incomplete);
        }

        return errors;
    }

    /// <summary>The sheets <paramref name="viewer"/> may read: their own always, the others' once theirs is submitted.</summary>
    public static IReadOnlyList<GradeSheet> VisibleTo(Guid viewer, IReadOnlyList<GradeSheet> sheets)
    {
        var submitted = sheets.Any(s => s.AssessorId == viewer && s.SubmittedAt is not null);
        return [.. sheets.Where(s => s.AssessorId == viewer || (submitted && s.SubmittedAt is not null))];
    }

    /// <summary>Criteria whose submitted grades differ, in the order of <paramref name="criteria"/>.</summary>
    public static IReadOnlyList<string> Disagreements(IEnumerable<string> criteria, IReadOnlyList<GradeSheet> sheets)
    {
        var submitted = sheets.Where(s => s.SubmittedAt is not null).ToList();
        return [.. criteria.Where(c => submitted.Select(s => s.Grades.FirstOrDefault(g => g.CriterionId == c)?.Met).Distinct().Count() > 1)];
    }

    /// <summary>
    /// The final grade of each criterion once every member of a complete panel has submitted: the common grade, or the
    /// panel's resolution where they disagreed. Null while the panel is incomplete or a sheet or a resolution is missing.
    /// </summary>
    public static IReadOnlyDictionary<string, bool>? Final(
        IReadOnlyList<string> criteria, IReadOnlyCollection<Guid> panel, IReadOnlyList<GradeSheet> sheets, IReadOnlyList<Resolution> resolutions)
    {
        if (panel.Count < PanelRules.MinimumSize || panel.Any(a => sheets.All(s => s.AssessorId != a || s.SubmittedAt is null)))
        {
            return null;
        }

        var final = new Dictionary<string, bool>(StringComparer.Ordinal);
        var disputed = Disagreements(criteria, sheets);
        foreach (var criterion in criteria)
        {
            if (disputed.Contains(criterion))
            {
                if (resolutions.LastOrDefault(r => r.CriterionId == criterion) is not { } resolution)
                {
                    return null;
                }

                final[criterion] = resolution.Met;
            }
            else
            {
                final[criterion] = sheets.First(s => s.SubmittedAt is not null).Grades.First(g => g.CriterionId == criterion).Met;
            }
        }

        return final;
    }
}
