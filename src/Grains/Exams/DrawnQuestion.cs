using Certification.Items;

namespace Certification.Exams;

/// <summary>An option as the candidate sees it: no key.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.ShownOption")]
public sealed record ShownOption([property: Id(0)] string Id, [property: Id(1)] string Text);

/// <summary>
/// One question of an attempt, pinned to the item version it was drawn from, with options in the
/// order this candidate sees them. The key (<see cref="CorrectOptionIds"/>) never leaves the grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.exams.DrawnQuestion")]
public sealed record DrawnQuestion(
    [property: Id(0)] int Number,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int ItemVersion,
    [property: Id(3)] string Outcome,
    [property: Id(4)] string Criterion,
    [property: Id(5)] ItemKind Kind,
    [property: Id(6)] string Stem,
    [property: Id(7)] IReadOnlyList<ShownOption> Options,
    [property: Id(8)] IReadOnlyList<string> CorrectOptionIds);
