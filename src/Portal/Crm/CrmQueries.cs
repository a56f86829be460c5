using Certification.Crm;
using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Crm;

/// <param name="Custom">The values of the custom fields asked for as columns, by field id.</param>
public sealed record ClientListItem(Guid Id, string Name, ClientKind Kind, string? Nip, string? City, long People, IReadOnlyDictionary<Guid, string> Custom);

/// <param name="Custom">The values of the custom fields asked for as columns, by field id.</param>
public sealed record PersonListItem(
    Guid Id, string FirstName, string LastName, string? Email, string? Phone, Guid? ClientId, string? ClientName, string? Position,
    IReadOnlyDictionary<Guid, string> Custom);

public sealed record ClientOption(Guid Id, string Name);

/// <summary>Someone who worked at a client in a period, with their job there (the latest one in the period).</summary>
public sealed record StaffListItem(Guid Id, string FirstName, string LastName, string? Unit, string? Position, DateOnly From, DateOnly? Until, bool Current);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>
/// The CRM lists and searches. They read the projections, never grains, and every query
/// is limited to the caller's <see cref="CrmScope"/> in SQL, so no page can forget it.
/// </summary>
public sealed class CrmQueries(NpgsqlDataSource dataSource)
{
    public const int PageSize = 25;

    /// <param name="columns">Custom fields whose values the rows carry (see <see cref="CustomFieldQueries.ValuesColumn"/>).</param>
    public async Task<Page<ClientListItem>> ClientsAsync(
        CrmScope scope, string? search, ClientKind? kind, int page, CustomFieldFilter? field = null, IReadOnlyCollection<Guid>? columns = null)
    {
        page = Math.Max(1, page);
        await using var connection = await dataSource.OpenConnectionAsync();
        var parameters = new
        {
            all = scope.AllClients,
            clients = scope.Clients.ToArray(),
            search = Pattern(search),
            kind = (short?)kind,
            fieldId = field?.FieldId,
            fieldValue = field?.Value,
            fieldText = field?.Partial ?? false,
            columns = columns?.ToArray() ?? [],
            limit = PageSize,
            offset = (page - 1) * PageSize,
        };
        var filter =
            """
            WHERE (@all OR c.id = ANY (@clients))
              AND (@search::text IS NULL OR (c.name || ' ' || coalesce(c.nip, '') || ' ' || coalesce(c.city, '')) ILIKE @search)
              AND (@kind::smallint IS NULL OR c.kind = @kind)
              AND
            """ + CustomFieldQueries.Clause("c.id");
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM client_projection c {filter}", parameters);
        var items = await connection.QueryAsync<ClientListItem>(
            $"""
            SELECT c.id AS Id, c.name AS Name, c.kind::int AS Kind, c.nip AS Nip, c.city AS City,
                   (SELECT count(*) FROM person_projection p WHERE p.client_id = c.id) AS People,
                   {CustomFieldQueries.ValuesColumn("c.id")} AS Custom
            FROM client_projection c {filter}
            ORDER BY c.name, c.id
            LIMIT @limit OFFSET @offset
            """,
            parameters);
        return new Page<ClientListItem>([.. items], total, page, PageSize);
    }

    /// <param name="columns">Custom fields whose values the rows carry (see <see cref="CustomFieldQueries.ValuesColumn"/>).</param>
    public async Task<Page<PersonListItem>> PeopleAsync(
        CrmScope scope, string? search, Guid? clientId, int page, int pageSize = PageSize, CustomFieldFilter? field = null,
        IReadOnlyCollection<Guid>? columns = null)
    {
        page = Math.Max(1, page);
        await using var connection = await dataSource.OpenConnectionAsync();
        var parameters = new
        {
            all = scope.AllClients,
            clients = scope.Clients.ToArray(),
            search = Pattern(search),
            clientId,
            fieldId = field?.FieldId,
            fieldValue = field?.Value,
            fieldText = field?.Partial ?? false,
            columns = columns?.ToArray() ?? [],
            limit = pageSize,
            offset = (page - 1) * pageSize,
        };
        var filter =
            """
            WHERE (@all OR p.client_id = ANY (@clients))
              AND (@search::text IS NULL OR (p.first_name || ' ' || p.last_name || ' ' || coalesce(p.email, '')) ILIKE @search)
              AND (@clientId::uuid IS NULL OR p.client_id = @clientId)
              AND
            """ + CustomFieldQueries.Clause("p.id");
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM person_projection p {filter}", parameters);
        var items = await connection.QueryAsync<PersonListItem>(
            $"""
            SELECT p.id AS Id, p.first_name AS FirstName, p.last_name AS LastName, p.email AS Email, p.phone AS Phone,
                   p.client_id AS ClientId, c.name AS ClientName, p.position AS Position,
                   {CustomFieldQueries.ValuesColumn("p.id")} AS Custom
            FROM person_projection p LEFT JOIN client_projection c ON c.id = p.client_id
            {filter}
            ORDER BY p.last_name, p.first_name, p.id
            LIMIT @limit OFFSET @offset
            """,
            parameters);
        return new Page<PersonListItem>([.. items], total, page, pageSize);
    }

    public async Task<IReadOnlyList<ClientOption>> ClientOptionsAsync(CrmScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ClientOption>(
            "SELECT id AS Id, name AS Name FROM client_projection WHERE @all OR id = ANY (@clients) ORDER BY name",
            new { all = scope.AllClients, clients = scope.Clients.ToArray() });
        return [.. rows];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ClientNamesAsync(IEnumerable<Guid> ids)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ClientOption>(
            "SELECT id AS Id, name AS Name FROM client_projection WHERE id = ANY (@ids)", new { ids = ids.Distinct().ToArray() });
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    /// <summary>
    /// Who worked at a client on any day from <paramref name="from"/> to <paramref name="until"/> (any time when
    /// both are null), from the employment history: people who have left are there for the days they worked.
    /// </summary>
    public async Task<IReadOnlyList<StaffListItem>> StaffAsync(CrmScope scope, Guid clientId, DateOnly? from, DateOnly? until)
    {
        if (!scope.CanRead(clientId))
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<StaffListItem>(
            """
            SELECT DISTINCT ON (e.person_id)
                   p.id AS Id, p.first_name AS FirstName, p.last_name AS LastName, e.unit AS Unit, e.position AS Position,
                   e.from_date AS From, e.until_date AS Until, (e.until_date IS NULL) AS Current
            FROM employment_projection e JOIN person_projection p ON p.id = e.person_id
            WHERE e.client_id = @clientId
              AND (@until::date IS NULL OR e.from_date <= @until)
              AND (@from::date IS NULL OR coalesce(e.until_date, 'infinity') >= @from)
            ORDER BY e.person_id, e.from_date DESC
            """,
            new { clientId, from, until });
        return [.. rows.OrderBy(r => r.LastName, StringComparer.CurrentCulture).ThenBy(r => r.FirstName, StringComparer.CurrentCulture)];
    }

    // The search box matches anywhere in name, NIP, city or e-mail; % and _ typed by a user are literal.
    /// <summary>An ILIKE pattern that finds the words as typed: % and _ in them are not wildcards.</summary>
    internal static string? Pattern(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? null
            : "%" + search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
