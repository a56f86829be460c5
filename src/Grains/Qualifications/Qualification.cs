namespace Certification.Qualifications;

/// <summary>A text in the languages of the platform: Polish always, English where it exists.</summary>
[GenerateSerializer, Immutable, Alias("cert.Text")]
public sealed record LocalizedText([property: Id(0)] string Pl, [property: Id(1)] string? En)
{
    public string In(string language) => language == "en" && !string.IsNullOrEmpty(En) ? En : Pl;
}

/// <summary>How a criterion is verified. Values are stored: never renumber.</summary>
public enum VerificationMethod
{
    TheoryTest = 1,
    Simulation = 2,
    Interview = 3,
}

/// <summary>
/// A qualification as its definition file describes it: sets of learning outcomes, their criteria and
/// how each is verified, and the theory test blueprint. Results speak in these ids (1.1, 2.5, …).
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.qual.Qualification")]
public sealed record Qualification(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] int PrkLevel,
    [property: Id(4)] int Hours,
    [property: Id(5)] int ValidityYears,
    [property: Id(6)] decimal CertificateFeePln,
    [property: Id(7)] string AwardingBody,
    [property: Id(8)] IReadOnlyList<OutcomeSet> Sets,
    [property: Id(9)] Blueprint Blueprint)
{
    // Methods, not properties: stored state is serialised property by property.
    public IEnumerable<LearningOutcome> AllOutcomes() => Sets.SelectMany(s => s.Outcomes);

    /// <summary>The outcomes the theory test verifies: those with at least one criterion checked by it.</summary>
    public IEnumerable<LearningOutcome> TheoryTestOutcomes() =>
        AllOutcomes().Where(o => o.Criteria.Any(c => c.Methods.Contains(VerificationMethod.TheoryTest)));
}

[GenerateSerializer, Immutable, Alias("cert.qual.OutcomeSet")]
public sealed record OutcomeSet(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] int PrkLevel,
    [property: Id(3)] int Hours,
    [property: Id(4)] bool Mandatory,
    [property: Id(5)] IReadOnlyList<LearningOutcome> Outcomes);

[GenerateSerializer, Immutable, Alias("cert.qual.LearningOutcome")]
public sealed record LearningOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] IReadOnlyList<Criterion> Criteria);

/// <param name="InterviewQuestions">Questions the panel may ask about a criterion verified by interview; the protocol suggests them.</param>
[GenerateSerializer, Immutable, Alias("cert.qual.Criterion")]
public sealed record Criterion(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Text,
    [property: Id(2)] IReadOnlyList<VerificationMethod> Methods,
    [property: Id(3)] IReadOnlyList<LocalizedText>? InterviewQuestions = null);

/// <summary>How a theory test is put together from the item bank.</summary>
[GenerateSerializer, Immutable, Alias("cert.qual.Blueprint")]
public sealed record Blueprint(
    [property: Id(0)] int Questions,
    [property: Id(1)] int Minutes,
    [property: Id(2)] int PassPercent,
    [property: Id(3)] bool ShuffleQuestions,
    [property: Id(4)] bool ShuffleOptions,
    [property: Id(5)] IReadOnlyDictionary<string, int> Quotas);
