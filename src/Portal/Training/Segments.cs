using Certification.Crm;
using Certification.Portal.Crm;
using Dapper;
using Npgsql;

namespace Certification.Portal.Training;

/// <summary>Who to invite: people chosen by where they work and what they attended.</summary>
/// <param name="Field">A custom field of the person, or of their client when <paramref name="FieldOfClient"/> (a county, a region, a sector kept as a client field).</param>
public sealed record SegmentCriteria(
    IReadOnlyList<ClientKind> ClientKinds, string? City, Guid? AttendedOrder, DateOnly? AttendedSince, CustomFieldFilter? Field = null, bool FieldOfClient = false)
{
    public bool IsEmpty() =>
        ClientKinds.Count == 0 && string.IsNullOrWhiteSpace(City) && AttendedOrder is null && AttendedSince is null && Field is null;
}

public sealed record SegmentMember(Guid Id, string FirstName, string LastName, string? Email, string? ClientName, bool MayReceiveMarketing)
{
    public bool Invitable => Email is not null && MayReceiveMarketing;
}

/// <summary>
/// Segments of the CRM for invitations, read from the projections. Everyone matching is listed; only
/// those with an address and the marketing consent (not unsubscribed) can be invited.
/// </summary>
public sealed class Segments(NpgsqlDataSource dataSource)
{
    public const int Limit = 5000;

    public async Task<IReadOnlyList<SegmentMember>> FindAsync(SegmentCriteria criteria)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<SegmentMember>(
            """
            SELECT p.id AS Id, p.first_name AS FirstName, p.last_name AS LastName, p.email AS Email, c.name AS ClientName,
                   coalesce(pc.marketing AND NOT pc.unsubscribed, false) AS MayReceiveMarketing
            FROM person_projection p
            LEFT JOIN client_projection c ON c.id = p.client_id
            LEFT JOIN person_consent pc ON pc.person_id = p.id
            WHERE (cardinality(@kinds) = 0 OR c.kind = ANY (@kinds))
              AND (@city::text IS NULL OR c.city ILIKE @city)
              AND (@attended::uuid IS NULL OR EXISTS (
                    SELECT 1 FROM training_enrolment_projection e
                    WHERE e.person_id = p.id AND e.order_id = @attended AND e.attendance_percent > 0))
              AND (@since::date IS NULL OR EXISTS (
                    SELECT 1 FROM training_enrolment_projection e JOIN training_order_projection o ON o.id = e.order_id
                    WHERE e.person_id = p.id AND o.last_day >= @since AND e.attendance_percent > 0))
              AND
            """ + CustomFieldQueries.Clause(criteria.FieldOfClient ? "p.client_id" : "p.id") + """

            ORDER BY p.last_name, p.first_name, p.id
            LIMIT @limit
            """,
            new
            {
                kinds = criteria.ClientKinds.Select(k => (short)k).ToArray(),
                city = string.IsNullOrWhiteSpace(criteria.City) ? null : criteria.City.Trim(),
                attended = criteria.AttendedOrder,
                since = criteria.AttendedSince,
                fieldId = criteria.Field?.FieldId,
                fieldValue = criteria.Field?.Value,
                fieldText = criteria.Field?.Partial ?? false,
                limit = Limit,
            });
        return [.. rows];
    }
}
