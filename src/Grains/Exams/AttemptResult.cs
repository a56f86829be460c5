namespace Certification.Exams;

/// <summary>The score of a submitted attempt, in total and per learning outcome (1.1, 2.3, …).</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.AttemptResult")]
public sealed record AttemptResult(
    [property: Id(0)] decimal Points,
    [property: Id(1)] int MaxPoints,
    [property: Id(2)] decimal Percent,
    [property: Id(3)] bool Passed,
    [property: Id(4)] IReadOnlyList<OutcomeScore> Outcomes);

[GenerateSerializer, Immutable, Alias("cert.exams.OutcomeScore")]
public sealed record OutcomeScore(
    [property: Id(0)] string Outcome,
    [property: Id(1)] decimal Points,
    [property: Id(2)] int MaxPoints,
    [property: Id(3)] decimal Percent);
