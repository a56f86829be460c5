using Certification.Mail;
using Certification.Portal.Crm;
using Dapper;
using Npgsql;

namespace Certification.Portal.Mail;

// Npgsql reads timestamptz as a UTC DateTime, which is what Dapper can hand to these constructors.
public sealed record MailListItem(
    Guid Id, DateTime CreatedAtUtc, string Kind, string ToAddress, string? ToName, string Subject, string StatusName, int Attempts, string? LastError)
{
    public DateTimeOffset CreatedAt => new(DateTime.SpecifyKind(CreatedAtUtc, DateTimeKind.Utc));

    public MailStatus Status => MailStatuses.Parse(StatusName);
}

public sealed record MailDetails(
    Guid Id, DateTime CreatedAtUtc, string Kind, string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody,
    Guid? PersonId, string? RelatedType, string? RelatedId, string StatusName, int Attempts, DateTime NextAttemptAtUtc, string? LastError,
    DateTime? SentAtUtc)
{
    public DateTimeOffset CreatedAt => new(DateTime.SpecifyKind(CreatedAtUtc, DateTimeKind.Utc));

    public DateTimeOffset NextAttemptAt => new(DateTime.SpecifyKind(NextAttemptAtUtc, DateTimeKind.Utc));

    public DateTimeOffset? SentAt => SentAtUtc is { } sent ? new(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : null;

    public MailStatus Status => MailStatuses.Parse(StatusName);

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}

public sealed record AttachmentInfo(short Position, string FileName, string ContentType, int Size);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>What the mailbox page reads: the outbox newest first, one message whole, an attachment's bytes.</summary>
public sealed class MailboxQueries(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    private const string ListColumns =
        """
        id AS Id, created_at AS CreatedAtUtc, kind AS Kind, to_address AS ToAddress, to_name AS ToName, subject AS Subject,
        status AS StatusName, attempts AS Attempts, last_error AS LastError
        """;

    public async Task<Page<MailListItem>> ListAsync(MailStatus? status, string? search, Guid? personId, int page)
    {
        page = Math.Max(1, page);
        var parameters = new
        {
            status = status?.ToDatabase(),
            search = CrmQueries.Pattern(search),
            personId,
            limit = PageSize,
            offset = (page - 1) * PageSize,
        };
        const string Filter =
            """
            WHERE (@status::text IS NULL OR status = @status)
              AND (@search::text IS NULL OR (to_address || ' ' || coalesce(to_name, '') || ' ' || subject) ILIKE @search)
              AND (@personId::uuid IS NULL OR person_id = @personId
                   OR person_id IN (SELECT absorbed_id FROM person_merge_final WHERE survivor_id = @personId))
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM mail_message {Filter}", parameters);
        var items = await connection.QueryAsync<MailListItem>(
            $"SELECT {ListColumns} FROM mail_message {Filter} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset", parameters);
        return new Page<MailListItem>([.. items], total, page, PageSize);
    }

    /// <summary>How many messages are in each status.</summary>
    public async Task<IReadOnlyDictionary<MailStatus, int>> CountsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM mail_message GROUP BY status");
        return rows.ToDictionary(r => MailStatuses.Parse(r.Status), r => (int)r.Count);
    }

    public async Task<MailDetails?> FindAsync(Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var details = await connection.QuerySingleOrDefaultAsync<MailDetails>(
            """
            SELECT id AS Id, created_at AS CreatedAtUtc, kind AS Kind, to_address AS ToAddress, to_name AS ToName, subject AS Subject,
                   text_body AS TextBody, html_body AS HtmlBody, person_id AS PersonId, related_type AS RelatedType, related_id AS RelatedId,
                   status AS StatusName, attempts AS Attempts, next_attempt_at AS NextAttemptAtUtc, last_error AS LastError, sent_at AS SentAtUtc
            FROM mail_message WHERE id = @id
            """,
            new { id });
        if (details is null)
        {
            return null;
        }

        var attachments = await connection.QueryAsync<AttachmentInfo>(
            """
            SELECT position AS Position, file_name AS FileName, content_type AS ContentType, octet_length(content) AS Size
            FROM mail_attachment WHERE message_id = @id ORDER BY position
            """,
            new { id });
        return details with { Attachments = [.. attachments] };
    }

    public async Task<AttachmentFile?> AttachmentAsync(Guid id, short position)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<AttachmentFile>(
            "SELECT file_name AS FileName, content_type AS ContentType, content AS Content FROM mail_attachment WHERE message_id = @id AND position = @position",
            new { id, position });
    }
}
