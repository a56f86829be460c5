namespace Certification.Crm;

/// <summary>A client as its grain holds it, with the state version an edit form must send back.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ClientSnapshot")]
public sealed record ClientSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] ClientDetails Details,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
