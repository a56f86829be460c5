using Certification.Crm;

namespace Certification.Portal.Crm;

/// <summary>The client form as posted: plain strings, so what the user typed is shown back when a rule is broken.</summary>
public sealed class ClientForm
{
    public string? Name { get; set; }
    public ClientKind Kind { get; set; } = ClientKind.Municipality;
    public string? Nip { get; set; }
    public string? Regon { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>One unit (department, school, office) per line.</summary>
    public string? Units { get; set; }

    public int Version { get; set; }

    public ClientDetails ToDetails() => new(
        Name ?? string.Empty,
        Kind,
        Nip,
        Regon,
        new Address(Street, PostalCode, City),
        (Units ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static ClientForm From(ClientSnapshot client) => new()
    {
        Name = client.Details.Name,
        Kind = client.Details.Kind,
        Nip = client.Details.Nip,
        Regon = client.Details.Regon,
        Street = client.Details.Address.Street,
        PostalCode = client.Details.Address.PostalCode,
        City = client.Details.Address.City,
        Units = string.Join('\n', client.Details.Units),
        Version = client.Version,
    };
}
