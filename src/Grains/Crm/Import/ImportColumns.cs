using Certification.CustomFields;

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

/// <summary>A custom field's column in an import file: the field, and its name as it was when the file was read.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ImportCustomColumn")]
public sealed record ImportCustomColumn([property: Id(0)] Guid FieldId, [property: Id(1)] string Name);

/// <summary>
/// The columns of each kind of import, in the order of the templates and of the report; after them, one column per
/// custom field of the kind's records, headed by the field's name (required when the field is).
/// </summary>
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

    public static CustomFieldEntity EntityOf(ImportKind kind) => kind == ImportKind.Clients ? CustomFieldEntity.Client : CustomFieldEntity.Person;

    /// <summary>The kind's columns followed by those of <paramref name="fields"/>, whose <see cref="ImportColumn.Field"/> is the field's id.</summary>
    public static IReadOnlyList<ImportColumn> With(ImportKind kind, IEnumerable<CustomFieldDefinition> fields) =>
        [.. For(kind), .. fields.Select(f => new ImportColumn(f.Id.ToString(), f.Name, f.Name, f.Required, Example(f)))];

    private static string Example(CustomFieldDefinition field) => field.Type switch
    {
        CustomFieldType.Number => "1250",
        CustomFieldType.Date => "2026-11-23",
        CustomFieldType.Choice => field.Choices.Count > 0 ? field.Choices[0] : string.Empty,
        CustomFieldType.YesNo => "tak",
        _ => string.Empty,
    };

    /// <summary>The column a header names, in Polish or English, ignoring case and surrounding spaces.</summary>
    public static int IndexOf(ImportKind kind, string header) => IndexOf(For(kind), header);

    public static int IndexOf(IReadOnlyList<ImportColumn> columns, string header)
    {
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
