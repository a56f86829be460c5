using Certification.Crm;
using Certification.Crm.Import;
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
/// The people a new record may repeat, by the same tests as an import: the same e-mail, the same PESEL,
/// or the same name (case, diacritics and spacing ignored) in the same organisation.
/// </summary>
public sealed class DuplicateFinder(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PossibleDuplicate>> PeopleLikeAsync(PersonDetails details)
    {
        var (person, errors) = PersonRules.Check(details);
        if (errors.Count > 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Id, string FirstName, string LastName, string? Email, string? Pesel, Guid? ClientId, string? ClientName)>(
            """
            SELECT p.id, p.first_name, p.last_name, p.email, p.pesel, p.client_id, c.name
            FROM person_projection p LEFT JOIN client_projection c ON c.id = p.client_id
            WHERE lower(p.email) = lower(@email) OR p.pesel = @pesel OR (@client::uuid IS NOT NULL AND p.client_id = @client)
            LIMIT 2000
            """,
            new { email = person.Email, pesel = person.Pesel, client = person.ClientId });
        var name = ImportValidation.NameKey(person.FirstName, person.LastName);
        return
        [
            .. rows.Select(r => (Row: r, Reason:
                    person.Email is not null && string.Equals(r.Email, person.Email, StringComparison.OrdinalIgnoreCase) ? DuplicateReason.Email
                    : person.Pesel is not null && r.Pesel == person.Pesel ? DuplicateReason.Pesel
                    : r.ClientId == person.ClientId && ImportValidation.NameKey(r.FirstName, r.LastName) == name ? DuplicateReason.NameInOrganisation
                    : (DuplicateReason?)null))
                .Where(x => x.Reason is not null)
                .Select(x => new PossibleDuplicate(x.Row.Id, x.Row.FirstName, x.Row.LastName, x.Row.ClientName, x.Reason!.Value)),
        ];
    }
}
