using Certification.Crm;

namespace Certification.Portal.Crm;

public sealed class PersonForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Pesel { get; set; }
    public Guid? ClientId { get; set; }
    public string? Unit { get; set; }
    public string? Position { get; set; }
    public int Version { get; set; }

    public PersonDetails ToDetails() =>
        new(FirstName ?? string.Empty, LastName ?? string.Empty, Email, Phone, Pesel, ClientId, Unit, Position);

    public static PersonForm From(PersonSnapshot person) => new()
    {
        FirstName = person.Details.FirstName,
        LastName = person.Details.LastName,
        Email = person.Details.Email,
        Phone = person.Details.Phone,
        Pesel = person.Details.Pesel,
        ClientId = person.Details.ClientId,
        Unit = person.Details.Unit,
        Position = person.Details.Position,
        Version = person.Version,
    };
}
