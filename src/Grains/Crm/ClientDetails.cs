namespace Certification.Crm;

/// <summary>What a training administrator enters about a client organisation.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ClientDetails")]
public sealed record ClientDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] ClientKind Kind,
    [property: Id(2)] string? Nip,
    [property: Id(3)] string? Regon,
    [property: Id(4)] Address Address,
    [property: Id(5)] IReadOnlyList<string> Units);

[GenerateSerializer, Immutable, Alias("cert.crm.Address")]
public sealed record Address(
    [property: Id(0)] string? Street,
    [property: Id(1)] string? PostalCode,
    [property: Id(2)] string? City);
