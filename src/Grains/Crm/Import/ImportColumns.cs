namespace Certification.Crm.Import;

/// <summary>What a file imports: client organisations, or people working for clients already in the CRM.</summary>
public enum ImportKind
{
    Clients = 1,
    People = 2,
}

/// <summary>One column of an import file: the field it fills and the header names it is recognised by.</summary>
public sealed record ImportColumn(string Field, string Polish, string English, bool Required, string Example, string? OtherName = null)
{
    public bool IsNamed(string header) =>
        new[] { Polish, English, Field, OtherName }.Any(name => string.Equals(name, header, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The columns of each kind of import, in the order of the templates and of the report.</summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> Clients =
    [
        new("Name", "Nazwa", "Name", true, "Gmina Kórnik"),
        new("Kind", "Rodzaj", "Kind", true, "gmina"),
        new("Nip", "NIP", "NIP", true, "856-734-62-15"),
        new("Regon", "REGON", "REGON", false, "123456785"),
        new("Street", "Ulica", "Street", true, "pl. Niepodległości 1"),
        new("PostalCode", "Kod pocztowy", "Postal code", true, "62-035"),
        new("City", "Miejscowość", "City", true, "Kórnik"),
        new("Units", "Jednostki", "Units", false, "Urząd Miejski | Ośrodek Pomocy Społecznej"),
    ];

    public static readonly IReadOnlyList<ImportColumn> People =
    [
        new("FirstName", "Imię", "First name", true, "Anna"),
        new("LastName", "Nazwisko", "Last name", true, "Nowak"),
        new("Email", "E-mail", "E-mail", false, "anna.nowak@kornik.pl"),
        new("Phone", "Telefon", "Phone", false, "+48 61 123 45 67"),
        new("Pesel", "PESEL", "PESEL", false, "44051401359"),
        new("OrganisationNip", "NIP organizacji", "Organisation NIP", false, "856-734-62-15", "Organization NIP"),
        new("Unit", "Jednostka", "Unit", false, "Urząd Miejski"),
        new("Position", "Stanowisko", "Position", false, "Inspektor"),
    ];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind == ImportKind.Clients ? Clients : People;

    /// <summary>The column a header names, in Polish or English, ignoring case and surrounding spaces.</summary>
    public static int IndexOf(ImportKind kind, string header)
    {
        var columns = For(kind);
        var wanted = header.Trim();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].IsNamed(wanted))
            {
                return i;
            }
        }

        return -1;
    }
}
