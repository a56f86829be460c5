using Dapper;
using Npgsql;

namespace Certification.Crm.Import;

/// <summary>Finds, in the CRM projections, what the rows of an import could repeat; and keeps the list of past imports.</summary>
public sealed class CrmImportDirectory(NpgsqlDataSource dataSource)
{
    public async Task<CrmExisting> ExistingAsync(ImportKind kind, IReadOnlyList<ImportSourceRow> rows)
    {
        // Raw values are enough to narrow the search: identifiers are stored normalised, and the
        // checks compare the normalised values, so a value written differently is looked up in that form too.
        var nips = rows.Select(r => Domain.Nip.Check(kind == ImportKind.Clients ? r.Values[2] : r.Values[5]).Normalized)
            .OfType<string>().Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        var clients = (await connection.QueryAsync<(string Nip, Guid Id)>(
                "SELECT nip, id FROM client_projection WHERE nip = ANY (@nips)", new { nips }))
            .GroupBy(c => c.Nip).ToDictionary(g => g.Key, g => g.First().Id);
        if (kind == ImportKind.Clients)
        {
            return new CrmExisting(clients, new Dictionary<string, Guid>(), new Dictionary<string, Guid>(), new Dictionary<(Guid, string), Guid>());
        }

        var emails = rows.Select(r => r.Values[2].Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToArray();
        var pesels = rows.Select(r => Domain.Pesel.Check(r.Values[4]).Normalized).OfType<string>().Distinct().ToArray();
        var clientIds = clients.Values.Distinct().ToArray();
        var people = (await connection.QueryAsync<(Guid Id, string? Email, string? Pesel, Guid? ClientId, string FirstName, string LastName)>(
            """
            SELECT id, email, pesel, client_id, first_name, last_name FROM person_projection
            WHERE email = ANY (@emails) OR pesel = ANY (@pesels) OR client_id = ANY (@clientIds)
            """,
            new { emails, pesels, clientIds })).ToList();
        return new CrmExisting(
            clients,
            First(people.Where(p => p.Email is not null), p => p.Email!.ToLowerInvariant(), p => p.Id),
            First(people.Where(p => p.Pesel is not null), p => p.Pesel!, p => p.Id),
            First(people.Where(p => p.ClientId is not null), p => (p.ClientId!.Value, ImportValidation.NameKey(p.FirstName, p.LastName)), p => p.Id));
    }

    public async Task UpsertAsync(Guid id, ImportBatchState state)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO import_batch (id, kind, file_name, rows, problems, status, created, imported_by, prepared_at, committed_by, committed_at)
            VALUES (@id, @kind, @fileName, @rows, @problems, @status, @created, @importedBy, @preparedAt, @committedBy, @committedAt)
            ON CONFLICT (id) DO UPDATE SET
                rows = excluded.rows, problems = excluded.problems, status = excluded.status, created = excluded.created,
                committed_by = excluded.committed_by, committed_at = excluded.committed_at
            """,
            new
            {
                id,
                kind = (short)state.Kind,
                fileName = state.FileName,
                rows = state.Rows.Length,
                problems = state.Rows.Count(r => !r.Problems.IsEmpty),
                status = (short)state.Status,
                created = state.Created,
                importedBy = state.ImportedBy,
                preparedAt = state.PreparedAt.UtcDateTime,
                committedBy = state.CommittedBy,
                committedAt = state.CommittedAt?.UtcDateTime,
            });
    }

    public async Task<IReadOnlyList<ImportBatchListItem>> RecentAsync(int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ImportBatchListItem>(
            """
            SELECT id AS Id, kind::int AS Kind, file_name AS FileName, rows AS Rows, problems AS Problems, status::int AS Status,
                   created AS Created, imported_by AS ImportedBy, prepared_at AS PreparedAt, committed_by AS CommittedBy, committed_at AS CommittedAt
            FROM import_batch ORDER BY prepared_at DESC LIMIT @limit
            """,
            new { limit });
        return [.. rows];
    }

    private static Dictionary<TKey, Guid> First<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, Func<T, Guid> id)
        where TKey : notnull =>
        items.GroupBy(key).ToDictionary(g => g.Key, g => id(g.First()));
}

public sealed record ImportBatchListItem(
    Guid Id, ImportKind Kind, string FileName, int Rows, int Problems, ImportStatus Status, int Created,
    string ImportedBy, DateTime PreparedAt, string? CommittedBy, DateTime? CommittedAt);
