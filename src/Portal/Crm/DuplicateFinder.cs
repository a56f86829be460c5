using Certification.Crm;
using Certification.Crm.Import;
using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Crm;

/// <summary>Why a record may be a person the CRM already has.</summary>
public enum DuplicateReason
{
    Email = 1,
    Pesel = 2,
    NameInOrganisation = 3,
}

public sealed record PossibleDuplicate(Guid Id, string FirstName, string LastName, string? ClientName, DuplicateReason Reason);

/// <summary>
/// The possible duplicates the caller may see, and how many more there are at clients outside their scope: those
/// are counted, never named, so a warning does not tell who works where.
/// </summary>
public sealed record DuplicateCheck(IReadOnlyList<PossibleDuplicate> People, int OutsideScope)
{
    public static DuplicateCheck Nothing { get; } = new([], 0);

    public bool Found => People.Count > 0 || OutsideScope > 0;
}

/// <summary>
/// The people a new record may repeat, by the same tests as an import: the same e-mail, the same PESEL,
/// or the same name (case, diacritics and spacing ignored) in the same organisation.
/// </summary>
public sealed class DuplicateFinder(NpgsqlDataSource dataSource)
{
    public async Task<DuplicateCheck> PeopleLikeAsync(PersonDetails details, CrmScope scope)
    {
        var (person, errors) = PersonRules.Check(details);
        if (errors.Count > 0)
        {
            return DuplicateCheck.Nothing;
        }

        // Outside the caller's scope only the fact of a match leaves the database, never a name or an organisation.
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Id, bool Visible, string? FirstName, string? LastName, string? Email, string? Pesel, Guid? ClientId, string? ClientName)>(
            """
            SELECT p.id, v.visible, CASE WHEN v.visible THEN p.first_name END, CASE WHEN v.visible THEN p.last_name END,
                   p.email, p.pesel, p.client_id, CASE WHEN v.visible THEN c.name END
            FROM person_projection p LEFT JOIN client_projection c ON c.id = p.client_id
            CROSS JOIN LATERAL (SELECT @all OR p.client_id = ANY (@clients) AS visible) v
            WHERE lower(p.email) = lower(@email) OR p.pesel = @pesel OR (@client::uuid IS NOT NULL AND p.client_id = @client AND v.visible)
            LIMIT 2000
            """,
            new { email = person.Email, pesel = person.Pesel, client = person.ClientId, all = scope.AllClients, clients = scope.Clients.ToArray() });
        var name = ImportValidation.NameKey(person.FirstName, person.LastName);
        var found = rows.Select(r => (Row: r, Reason:
                person.Email is not null && string.Equals(r.Email, person.Email, StringComparison.OrdinalIgnoreCase) ? DuplicateReason.Email
                : person.Pesel is not null && r.Pesel == person.Pesel ? DuplicateReason.Pesel
                : r.Visible && r.ClientId == person.ClientId && ImportValidation.NameKey(r.FirstName!, r.LastName!) == name ? DuplicateReason.NameInOrganisation
                : (DuplicateReason?)null))
            .Where(x => x.Reason is not null)
            .ToList();
        return new DuplicateCheck(
            [.. found.Where(x => x.Row.Visible).Select(x => new PossibleDuplicate(x.Row.Id, x.Row.FirstName!, x.Row.LastName!, x.Row.ClientName, x.Reason!.Value))],
            found.Count(x => !x.Row.Visible));
    }
}
