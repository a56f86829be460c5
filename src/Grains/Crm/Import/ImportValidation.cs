using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Certification.Common;
using Certification.CustomFields;
using Certification.Domain;

namespace Certification.Crm.Import;

/// <summary>A problem with one row: the column it concerns, a code, and for a repetition the row it repeats.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ImportProblem")]
public sealed record ImportProblem([property: Id(0)] string Field, [property: Id(1)] string Code, [property: Id(2)] int? OtherLine = null);

/// <summary>
/// A checked row: what the file said, the details it becomes (normalised by the domain's rules), its custom-field
/// values as they are stored (by field id) and its problems.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ImportRowResult")]
public sealed record ImportRowResult(
    [property: Id(0)] int Line,
    [property: Id(1)] ImmutableArray<string> Values,
    [property: Id(2)] ClientDetails? Client,
    [property: Id(3)] PersonDetails? Person,
    [property: Id(4)] ImmutableArray<ImportProblem> Problems,
    [property: Id(5)] IReadOnlyDictionary<Guid, string>? Custom = null);

/// <summary>What the CRM already holds that an import's rows could repeat; each value maps to the entity holding it.</summary>
public sealed record CrmExisting(
    IReadOnlyDictionary<string, Guid> ClientsByNip,
    IReadOnlyDictionary<string, Guid> PeopleByEmail,
    IReadOnlyDictionary<string, Guid> PeopleByPesel,
    IReadOnlyDictionary<(Guid ClientId, string Name), Guid> PeopleByName);

/// <summary>
/// The checks of an import, row by row: the same rules as the forms (<see cref="ClientRules"/>, <see cref="PersonRules"/>)
/// plus what only a batch can break — repetitions within the file and duplicates of what the CRM already holds.
/// An entity that an earlier, interrupted commit of the same batch created (<paramref name="ownId"/>) is not a duplicate.
/// </summary>
public static class ImportValidation
{
    public const string KindUnknown = "import.kind_unknown";
    public const string OrganisationUnknown = "import.organisation_unknown";
    public const string Repeated = "import.repeated";
    public const string EmailTaken = "import.email_taken";
    public const string PeselTaken = "import.pesel_taken";
    public const string NameTaken = "import.name_taken";

    private static readonly Dictionary<string, ClientKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gmina"] = ClientKind.Municipality,
        ["powiat"] = ClientKind.County,
        ["firma"] = ClientKind.Company,
        ["organizacja pozarządowa"] = ClientKind.Ngo,
        ["ngo"] = ClientKind.Ngo,
        [nameof(ClientKind.Municipality)] = ClientKind.Municipality,
        [nameof(ClientKind.County)] = ClientKind.County,
        [nameof(ClientKind.Company)] = ClientKind.Company,
    };

    public static ImmutableArray<ImportRowResult> Clients(IReadOnlyList<ImportSourceRow> rows, CrmExisting existing, Func<int, Guid> ownId)
    {
        var nips = new Dictionary<string, int>();
        var results = ImmutableArray.CreateBuilder<ImportRowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Values;
            var kindText = v[1].Trim();
            var known = KindNames.TryGetValue(kindText, out var kind);
            var units = v[7].Split(['|', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var (details, errors) = ClientRules.Check(new ClientDetails(v[0], known ? kind : 0, v[2], v[3], new Address(v[4], v[5], v[6]), units));
            var problems = errors.Select(e => new ImportProblem(e.Field, e.Code)).ToList();
            if (!known && kindText.Length > 0)
            {
                problems.RemoveAll(p => p.Field == "Kind");
                problems.Add(new ImportProblem("Kind", KindUnknown));
            }

            if (details.Nip is { } nip)
            {
                if (nips.TryGetValue(nip, out var first))
                {
                    problems.Add(new ImportProblem("Nip", Repeated, first));
                }
                else
                {
                    nips[nip] = row.Line;
                    if (existing.ClientsByNip.TryGetValue(nip, out var holder) && holder != ownId(row.Line))
                    {
                        problems.Add(new ImportProblem("Nip", ErrorCodes.NipTaken));
                    }
                }
            }

            results.Add(new ImportRowResult(row.Line, v, details, null, [.. problems]));
        }

        return results.MoveToImmutable();
    }

    public static ImmutableArray<ImportRowResult> People(IReadOnlyList<ImportSourceRow> rows, CrmExisting existing, Func<int, Guid> ownId)
    {
        var emails = new Dictionary<string, int>();
        var pesels = new Dictionary<string, int>();
        var names = new Dictionary<(Guid, string), int>();
        var results = ImmutableArray.CreateBuilder<ImportRowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Values;
            var problems = new List<ImportProblem>();
            Guid? clientId = null;
            if (!string.IsNullOrWhiteSpace(v[5]))
            {
                var nip = Nip.Check(v[5]);
                if (!nip.IsValid)
                {
                    problems.Add(new ImportProblem("OrganisationNip", nip.ErrorCode!));
                }
                else if (existing.ClientsByNip.TryGetValue(nip.Normalized!, out var client))
                {
                    clientId = client;
                }
                else
                {
                    problems.Add(new ImportProblem("OrganisationNip", OrganisationUnknown));
                }
            }

            var (details, errors) = PersonRules.Check(new PersonDetails(v[0], v[1], v[2], v[3], v[4], clientId, v[6], v[7]));
            problems.InsertRange(0, errors.Select(e => new ImportProblem(e.Field, e.Code)));
            var own = ownId(row.Line);
            if (details.Email is { } email)
            {
                Unique(problems, emails, email, row.Line, "Email", existing.PeopleByEmail, own, EmailTaken);
            }

            if (details.Pesel is { } pesel)
            {
                Unique(problems, pesels, pesel, row.Line, "Pesel", existing.PeopleByPesel, own, PeselTaken);
            }

            if (details.ClientId is { } organisation && details.FirstName.Length > 0 && details.LastName.Length > 0)
            {
                Unique(problems, names, (organisation, NameKey(details.FirstName, details.LastName)), row.Line, "LastName", existing.PeopleByName, own, NameTaken);
            }

            results.Add(new ImportRowResult(row.Line, v, null, details, [.. problems]));
        }

        return results.MoveToImmutable();
    }

    /// <summary>
    /// Adds to each checked row its custom-field values from the columns after the kind's own (<paramref name="columns"/>,
    /// in file order), checked with the forms' rule against the fields in use now: a required field left blank, a value
    /// of the wrong kind, or a column of a field withdrawn since the file was read is a problem of the row. A problem's
    /// field is the custom field's id.
    /// </summary>
    public static ImmutableArray<ImportRowResult> WithCustomValues(
        ImmutableArray<ImportRowResult> rows, int ownColumns, IReadOnlyList<ImportCustomColumn> columns, IReadOnlyList<CustomFieldDefinition> fields)
    {
        if (columns.Count == 0 && fields.Count == 0)
        {
            return rows;
        }

        return
        [
            .. rows.Select(row =>
            {
                var values = columns.Select((c, k) => (c.FieldId, Value: (string?)row.Values[ownColumns + k])).ToDictionary(c => c.FieldId, c => c.Value);
                var (stored, errors) = CustomFieldRules.CheckValues(fields, values);
                return row with { Custom = stored, Problems = [.. row.Problems, .. errors.Select(e => new ImportProblem(e.Field, e.Code))] };
            }),
        ];
    }

    /// <summary>
    /// A person's name as duplicates are found by: case, diacritics and spacing ignored, so "Łukasz  Wróbel"
    /// and "lukasz wrobel" are the same person. Ł has no decomposition in Unicode, hence its own replacement.
    /// </summary>
    public static string NameKey(string firstName, string lastName)
    {
        var decomposed = $"{firstName} {lastName}".Trim().ToLowerInvariant().Replace('ł', 'l').Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }

                continue;
            }

            key.Append(c);
        }

        return key.ToString();
    }

    private static void Unique<TKey>(
        List<ImportProblem> problems, Dictionary<TKey, int> seen, TKey key, int line, string field,
        IReadOnlyDictionary<TKey, Guid> existing, Guid own, string takenCode)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            problems.Add(new ImportProblem(field, Repeated, first));
            return;
        }

        seen[key] = line;
        if (existing.TryGetValue(key, out var holder) && holder != own)
        {
            problems.Add(new ImportProblem(field, takenCode));
        }
    }
}
