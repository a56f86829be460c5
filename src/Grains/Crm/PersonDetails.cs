namespace Certification.Crm;

/// <summary>What is recorded about a person: who they are, how to reach them, and where they work.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.PersonDetails")]
public sealed record PersonDetails(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone,
    [property: Id(4)] string? Pesel,
    [property: Id(5)] Guid? ClientId,
    [property: Id(6)] string? Unit,
    [property: Id(7)] string? Position);
