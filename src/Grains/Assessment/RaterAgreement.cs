namespace Certification.Assessment;

/// <summary>Two assessors' independent grades of the same criterion of the same candidate.</summary>
public readonly record struct GradePair(bool First, bool Second);

/// <summary>How far two independent graders agreed over a sitting.</summary>
/// <param name="Kappa">Cohen's kappa: agreement beyond what chance would give; null when chance alone explains all (every grade the same).</param>
public sealed record RaterAgreement(int Pairs, int Agreed, double Share, double? Kappa)
{
    /// <summary>Percent agreement above 80 % is "considered reasonable" (ASSESSMENT.md, rater quality).</summary>
    public const double ReasonableShare = 0.8;

    public static RaterAgreement Of(IReadOnlyCollection<GradePair> pairs)
    {
        if (pairs.Count == 0)
        {
            return new RaterAgreement(0, 0, 0, null);
        }

        double n = pairs.Count;
        var agreed = pairs.Count(p => p.First == p.Second);
        var observed = agreed / n;
        var firstMet = pairs.Count(p => p.First) / n;
        var secondMet = pairs.Count(p => p.Second) / n;
        var chance = (firstMet * secondMet) + ((1 - firstMet) * (1 - secondMet));
        return new RaterAgreement(pairs.Count, agreed, observed, chance >= 1 ? null : (observed - chance) / (1 - chance));
    }

    /// <summary>
    /// The pairs a sitting gives: per candidate, the first two submitted sheets (by time), criterion by
    /// criterion. A third assessor's sheet is not a second opinion of the same kind, so it is left out.
    /// </summary>
    public static IReadOnlyList<GradePair> PairsOf(IEnumerable<IReadOnlyList<GradeSheet>> candidates)
    {
        var pairs = new List<GradePair>();
        foreach (var sheets in candidates)
        {
            var two = sheets.Where(s => s.SubmittedAt is not null).OrderBy(s => s.SubmittedAt).Take(2).ToList();
            if (two.Count < 2)
            {
                continue;
            }

            foreach (var grade in two[0].Grades)
            {
                if (two[1].Grades.FirstOrDefault(g => g.CriterionId == grade.CriterionId) is { } other)
                {
                    pairs.Add(new GradePair(grade.Met, other.Met));
                }
            }
        }

        return pairs;
    }
}
