using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Crm;

/// <summary>What a contact history can be narrowed to: the kinds of events people look for.</summary>
public enum ContactCategory
{
    Training = 1,
    Mail = 2,
    Employment = 3,
    Note = 4,
    Caretaker = 5,
}

/// <summary>
/// One entry of a contact history. <see cref="SubjectType"/> and <see cref="SubjectId"/> name the object it
/// is linked to (a training order, a mail, a client); <see cref="Detail"/> is the note's text for notes.
/// </summary>
public sealed record ContactHistoryItem(
    DateTime At,
    string Kind,
    string? SubjectType,
    Guid? SubjectId,
    string? SubjectTitle,
    string? Detail,
    string? Actor,
    string? ActorName,
    Guid? PersonId,
    string? PersonName);

/// <summary>
/// The contact history of a person or a client, newest first, from everything that records contact: training
/// events and employment changes (<c>contact_event</c>), e-mail (<c>mail_message</c>) and notes (<c>contact_note</c>).
/// A client's history has the client's own events and those of people dated while they worked there, so a
/// person who moved on takes their later history with them. A caller who reaches some clients only gets entries
/// about those clients, and entries about no client (mail) dated while the person worked at one of them: never
/// an entry about another client.
/// </summary>
public sealed class ContactHistoryQueries(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    private const string Items =
        """
        WITH items AS (
            SELECT e.at, e.kind, e.subject_type, e.subject_id, e.subject_title, e.detail, e.actor, e.person_id, e.client_id, e.id AS tiebreak
            FROM contact_event e
            UNION ALL
            SELECT m.created_at, 'mail.' || m.status, 'mail', m.id, m.subject, m.to_address, NULL, m.person_id, NULL, 0
            FROM mail_message m
            WHERE m.person_id IS NOT NULL
            UNION ALL
            SELECT n.at, 'note.' || n.kind, NULL, NULL, NULL, n.text, n.author, n.person_id, n.client_id, 0
            FROM contact_note n
        )
        """;

    // An entry recorded under a record since merged into another belongs to the person who survived it.
    private const string From = "FROM items i LEFT JOIN person_merge_final f ON f.absorbed_id = i.person_id";

    private const string Filters =
        """
          AND (@prefix::text IS NULL OR starts_with(i.kind, @prefix))
          AND (@from::date IS NULL OR i.at >= (@from::date)::timestamp AT TIME ZONE 'Europe/Warsaw')
          AND (@until::date IS NULL OR i.at < (@until::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')
          AND (@all OR i.client_id = ANY (@clients) OR (i.client_id IS NULL AND EXISTS (
                SELECT 1 FROM employment_projection s
                WHERE s.client_id = ANY (@clients) AND s.person_id = coalesce(f.survivor_id, i.person_id)
                  AND (i.at AT TIME ZONE 'Europe/Warsaw')::date BETWEEN s.from_date AND coalesce(s.until_date, 'infinity'))))
        """;

    // Records merged into the person keep their entries under their own ids: those are the person's history too.
    public async Task<Page<ContactHistoryItem>> ForPersonAsync(
        CrmScope scope, Guid personId, ContactCategory? category, DateOnly? from, DateOnly? until, int page)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var absorbed = await connection.QueryAsync<Guid>("SELECT absorbed_id FROM person_merge_final WHERE survivor_id = @personId", new { personId });
        return await QueryAsync(scope, "i.person_id = ANY (@ids)", personId, [personId, .. absorbed], category, from, until, page);
    }

    public Task<Page<ContactHistoryItem>> ForClientAsync(
        CrmScope scope, Guid clientId, ContactCategory? category, DateOnly? from, DateOnly? until, int page) =>
        QueryAsync(
            scope,
            """
            (@all OR @id = ANY (@clients)) AND (i.client_id = @id OR EXISTS (
                SELECT 1 FROM employment_projection s
                WHERE s.client_id = @id AND s.person_id = coalesce(f.survivor_id, i.person_id)
                  AND (i.at AT TIME ZONE 'Europe/Warsaw')::date BETWEEN s.from_date AND coalesce(s.until_date, 'infinity')))
            """,
            clientId,
            [],
            category,
            from,
            until,
            page);

    private async Task<Page<ContactHistoryItem>> QueryAsync(
        CrmScope scope, string whose, Guid id, Guid[] ids, ContactCategory? category, DateOnly? from, DateOnly? until, int page)
    {
        page = Math.Max(1, page);
        var parameters = new
        {
            id, ids, all = scope.AllClients, clients = scope.Clients.ToArray(), prefix = Prefix(category), from, until, limit = PageSize, offset = (page - 1) * PageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync();
        var total = await connection.ExecuteScalarAsync<int>($"{Items} SELECT count(*) {From} WHERE {whose} {Filters}", parameters);
        var rows = await connection.QueryAsync<ContactHistoryItem>(
            $"""
            {Items}
            SELECT i.at AS At, i.kind AS Kind, i.subject_type AS SubjectType, i.subject_id AS SubjectId, i.subject_title AS SubjectTitle,
                   i.detail AS Detail, i.actor AS Actor, u.display_name AS ActorName, coalesce(f.survivor_id, i.person_id) AS PersonId,
                   CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS PersonName
            {From}
            LEFT JOIN user_account u ON u.id::text = i.actor
            LEFT JOIN person_projection p ON p.id = coalesce(f.survivor_id, i.person_id)
            WHERE {whose} {Filters}
            ORDER BY i.at DESC, i.tiebreak DESC
            LIMIT @limit OFFSET @offset
            """,
            parameters);
        return new Page<ContactHistoryItem>([.. rows], total, page, PageSize);
    }

    private static string? Prefix(ContactCategory? category) => category switch
    {
        ContactCategory.Training => "order.",
        ContactCategory.Mail => "mail.",
        ContactCategory.Employment => "employment.",
        ContactCategory.Note => "note.",
        ContactCategory.Caretaker => "caretaker.",
        _ => null,
    };
}
