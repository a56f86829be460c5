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
}
