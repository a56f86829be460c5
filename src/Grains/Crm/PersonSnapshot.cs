namespace Certification.Crm;

[GenerateSerializer, Immutable, Alias("cert.crm.PersonSnapshot")]
public sealed record PersonSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] PersonDetails Details,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt)
{
    /// <summary>Oldest first; the last one is the current job when it has no end.</summary>
    [Id(5)]
    public IReadOnlyList<Employment> Employments { get; init; } = [];

    /// <summary>Records of people merged into this one, marked with their origin; they may overlap <see cref="Employments"/>.</summary>
    [Id(6)]
    public IReadOnlyList<Employment> MergedEmployments { get; init; } = [];

    [Id(7)]
    public IReadOnlyList<PersonMergeRecord> Merges { get; init; } = [];

    /// <summary>A merge begun and not finished yet (it finishes by itself, or when the same merge is confirmed again).</summary>
    [Id(8)]
    public PendingMerge? PendingMerge { get; init; }

    /// <summary>The whole employment history, own and merged, in date order.</summary>
    public IReadOnlyList<Employment> AllEmployments() =>
        [.. Employments.Concat(MergedEmployments).OrderBy(e => e.From).ThenBy(e => e.Until ?? DateOnly.MaxValue)];
}
