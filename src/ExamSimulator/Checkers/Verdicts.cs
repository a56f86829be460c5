using System.Collections.Immutable;

namespace Certification.ExamSimulator.Checkers;

public enum Verdict
{
    NotMet = 0,
    PartlyMet = 1,
    Met = 2,
}

/// <summary>Something the checker saw, in Polish for the assessor, with the log entry it comes from when there is one.</summary>
public sealed record Evidence(string Text, int? Sequence);

/// <summary>A checker's finding on one criterion: the verdict, a one-line summary and the evidence behind it.</summary>
public sealed record CriterionVerdict(string CriterionId, string Criterion, Verdict Verdict, string Summary, ImmutableList<Evidence> Evidence);

public static class VerdictLabels
{
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Met => "spełnione",
        Verdict.PartlyMet => "spełnione częściowo",
        _ => "niespełnione",
    };

    /// <summary>Met when all parts are done, partly met when some are, not met when none.</summary>
    public static Verdict Grade(int done, int of) => done >= of && of > 0 ? Verdict.Met : done > 0 ? Verdict.PartlyMet : Verdict.NotMet;
}
