using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Training;
using Dapper;
using Npgsql;

namespace Certification.Portal.Training;

public sealed record OrderListItem(
    Guid Id, string Title, string TypeName, string Phase, string PhaseName, DateOnly FirstDay, DateOnly LastDay, DateTime StartsAt,
    decimal Hours, Guid LocationId, decimal Price, int Capacity, int Enrolled, int Waiting, OrderVisibility Visibility, bool EnrolmentOpen);

public sealed record PersonName(Guid Id, string FirstName, string LastName, string? Email, Guid? ClientId, string? ClientName)
{
    public string Full => $"{LastName} {FirstName}";
}

/// <summary>A person's part in one training: what the extranet and the contact history show.</summary>
public sealed record Participation(
    Guid OrderId, string Title, DateOnly FirstDay, DateOnly LastDay, Guid PersonId, string FirstName, string LastName,
    EnrolmentStatus Status, decimal AttendancePercent, bool Certificate);

/// <summary>
/// Lists of training orders and of who takes part, read from the projections. Outsiders (a partner
/// administrator) see only published orders visible to their organisation; the rule is in SQL here.
/// </summary>
public sealed class TrainingQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        o.id AS Id, o.title AS Title, o.type_name AS TypeName, o.phase AS Phase, o.phase_name AS PhaseName,
        o.first_day AS FirstDay, o.last_day AS LastDay, o.starts_at AS StartsAt, o.hours AS Hours, o.location_id AS LocationId,
        o.price AS Price, o.capacity AS Capacity, o.enrolled AS Enrolled, o.waiting AS Waiting, o.visibility::int AS Visibility,
        o.enrolment_open AS EnrolmentOpen
        """;

    // Published, and public or restricted to this organisation: what a partner administrator may see.
    private const string VisibleToClient = "o.published AND (o.visibility = 1 OR (o.visibility = 2 AND @client = ANY (o.visible_to)))";

    public async Task<IReadOnlyList<OrderListItem>> OrdersAsync(string? search, string? phase, DateOnly? from, DateOnly? to)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<OrderListItem>(
            $"""
            SELECT {Columns} FROM training_order_projection o
            WHERE (@search::text IS NULL OR o.title ILIKE @search)
              AND (@phase::text IS NULL OR o.phase = @phase)
              AND (@from::date IS NULL OR o.last_day >= @from)
              AND (@to::date IS NULL OR o.first_day <= @to)
            ORDER BY o.first_day DESC, o.title
            LIMIT 500
            """,
            new { search = CrmQueries.Pattern(search), phase = string.IsNullOrWhiteSpace(phase) ? null : phase, from, to });
        return [.. rows];
    }

    /// <summary>Public trainings open for self-registration, soonest first.</summary>
    public async Task<IReadOnlyList<OrderListItem>> OpenForEveryoneAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<OrderListItem>(
            $"SELECT {Columns} FROM training_order_projection o WHERE o.enrolment_open AND o.visibility = 1 ORDER BY o.first_day, o.title LIMIT 200");
        return [.. rows];
    }

    /// <summary>Orders a partner administrator's organisation may see, soonest first.</summary>
    public async Task<IReadOnlyList<OrderListItem>> OrdersVisibleToAsync(Guid client)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<OrderListItem>(
            $"SELECT {Columns} FROM training_order_projection o WHERE {VisibleToClient} ORDER BY o.first_day DESC, o.title LIMIT 500",
            new { client });
        return [.. rows];
    }

    public async Task<bool> IsVisibleToAsync(Guid order, Guid client)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM training_order_projection o WHERE o.id = @order AND {VisibleToClient})", new { order, client });
    }

    /// <summary>Names of people (and where they work now), for the tables of an order.</summary>
    public async Task<IReadOnlyDictionary<Guid, PersonName>> PeopleAsync(IEnumerable<Guid> ids)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<PersonName>(
            """
            SELECT p.id AS Id, p.first_name AS FirstName, p.last_name AS LastName, p.email AS Email, p.client_id AS ClientId, c.name AS ClientName
            FROM person_projection p LEFT JOIN client_projection c ON c.id = p.client_id
            WHERE p.id = ANY (@ids)
            """,
            new { ids = ids.Distinct().ToArray() });
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>Who can lead a training: people with a staff account (training administrators, assessors, exam operators).</summary>
    public async Task<IReadOnlyList<PersonName>> TrainersAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<PersonName>(
            """
            SELECT DISTINCT p.id AS Id, p.first_name AS FirstName, p.last_name AS LastName, p.email AS Email, p.client_id AS ClientId, NULL AS ClientName
            FROM user_account a JOIN person_projection p ON p.id = a.person_id
            WHERE NOT a.is_disabled AND a.roles && @roles
            ORDER BY p.last_name, p.first_name
            """,
            new { roles = new[] { Roles.TrainingAdmin, Roles.Assessor, Roles.ExamOperator } });
        return [.. rows];
    }

    /// <summary>Who of an organisation took part in what, newest first: the extranet's overview.</summary>
    public async Task<IReadOnlyList<Participation>> ParticipationsOfClientAsync(Guid client)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Participation>(
            """
            SELECT o.id AS OrderId, o.title AS Title, o.first_day AS FirstDay, o.last_day AS LastDay, p.id AS PersonId,
                   p.first_name AS FirstName, p.last_name AS LastName, e.status::int AS Status,
                   e.attendance_percent AS AttendancePercent, e.certificate AS Certificate
            FROM training_enrolment_projection e
            JOIN training_order_projection o ON o.id = e.order_id
            JOIN person_projection p ON p.id = e.person_id
            WHERE e.client_id = @client
            ORDER BY o.first_day DESC, p.last_name, p.first_name
            LIMIT 1000
            """,
            new { client });
        return [.. rows];
    }
}
