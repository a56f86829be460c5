using Dapper;
using Npgsql;

namespace Certification.Mail;

/// <summary>
/// The senders' side of the outbox: claiming due messages so that each goes to one sender only, and
/// recording what came of each attempt.
/// </summary>
/// <remarks>
/// A claim is committed at once (status <c>sending</c>, <c>next_attempt_at</c> = the end of the
/// claim) rather than held as a row lock while the SMTP conversation runs: the mailbox shows what is
/// being sent, and a sender that dies loses its claims when they lapse instead of holding them forever.
/// A message whose claim lapsed after the server took it is sent a second time, with the same
/// Message-ID; that is the price of never losing one.
/// </remarks>
public sealed class MailOutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>Claims up to <paramref name="max"/> due messages (their claims lapsed ones included) for <paramref name="claimFor"/>.</summary>
    public async Task<IReadOnlyList<DueMail>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // SKIP LOCKED: a sender passes over the rows another is claiming at this moment, and re-checks
        // the rest after their claims commit, so no message is claimed twice.
        var rows = (await connection.QueryAsync<ClaimedRow>(new CommandDefinition(
            """
            UPDATE mail_message m
            SET status = 'sending', attempts = m.attempts + 1, next_attempt_at = @claimedUntil
            FROM (SELECT id FROM mail_message
                  WHERE status IN ('queued', 'sending') AND next_attempt_at <= @now
                  ORDER BY next_attempt_at
                  LIMIT @max
                  FOR UPDATE SKIP LOCKED) due
            WHERE m.id = due.id
            RETURNING m.id AS Id, m.attempts AS Attempts, m.created_at AS CreatedAt, m.kind AS Kind, m.to_address AS ToAddress,
                      m.to_name AS ToName, m.subject AS Subject, m.text_body AS TextBody, m.html_body AS HtmlBody
            """,
            new { now, max, claimedUntil = now + claimFor },
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var attachments = (await connection.QueryAsync<AttachmentRow>(new CommandDefinition(
            """
            SELECT message_id AS MessageId, file_name AS FileName, content_type AS ContentType, content AS Content
            FROM mail_attachment WHERE message_id = ANY (@ids) ORDER BY message_id, position
            """,
            new { ids = rows.Select(r => r.Id).ToArray() },
            cancellationToken: cancellationToken))).ToLookup(a => a.MessageId, a => new MailAttachment(a.FileName, a.ContentType, a.Content));

        return [.. rows.Select(r => new DueMail(
            r.Id, r.Attempts, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)), r.Kind, new MailRecipient(r.ToAddress, r.ToName),
            r.Subject, r.TextBody, r.HtmlBody, [.. attachments[r.Id]]))];
    }

    /// <summary>Records that the attempt delivered the message: <see cref="MailStatus.Sent"/> or <see cref="MailStatus.DevDelivered"/>.</summary>
    public async Task RecordDeliveredAsync(DueMail mail, MailStatus status, DateTimeOffset at)
    {
        if (status is not (MailStatus.Sent or MailStatus.DevDelivered))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A delivered message is sent or in the dev mailbox.");
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE mail_message SET status = @status, sent_at = @at WHERE id = @id AND status = 'sending' AND attempts = @attempt",
            new { status = status.ToDatabase(), at, id = mail.Id, attempt = mail.Attempt });
    }

    /// <summary>Records a failed attempt: queued again for <paramref name="retryAt"/>, or failed for good when that is null.</summary>
    public async Task RecordFailureAsync(DueMail mail, string error, DateTimeOffset? retryAt)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE mail_message
            SET status = CASE WHEN @retryAt::timestamptz IS NULL THEN 'failed' ELSE 'queued' END,
                next_attempt_at = coalesce(@retryAt::timestamptz, next_attempt_at),
                last_error = @error
            WHERE id = @id AND status = 'sending' AND attempts = @attempt
            """,
            new { retryAt, error, id = mail.Id, attempt = mail.Attempt });
    }

    /// <summary>Gives back claims a stopping sender did not get to: they are due again at once, and the attempt does not count.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<DueMail> unsent, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE mail_message m SET status = 'queued', attempts = m.attempts - 1, next_attempt_at = @now
            FROM unnest(@ids, @attempts) AS claim(id, attempt)
            WHERE m.id = claim.id AND m.attempts = claim.attempt AND m.status = 'sending'
            """,
            new { now, ids = unsent.Select(m => m.Id).ToArray(), attempts = unsent.Select(m => m.Attempt).ToArray() });
    }

    /// <summary>When the earliest queued message is due or the earliest claim lapses; null when there is nothing to send.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT min(next_attempt_at) FROM mail_message WHERE status IN ('queued', 'sending')", cancellationToken: cancellationToken));
        return next is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
    }

    /// <summary>Queues a failed message again, with a fresh series of attempts; false when it is not failed.</summary>
    public async Task<bool> SendAgainAsync(Guid id, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var requeued = await connection.ExecuteAsync(
            "UPDATE mail_message SET status = 'queued', attempts = 0, next_attempt_at = @now WHERE id = @id AND status = 'failed'",
            new { now, id }, transaction);
        if (requeued == 1)
        {
            await MailOutbox.NotifySendersAsync(transaction, CancellationToken.None);
        }

        await transaction.CommitAsync();
        return requeued == 1;
    }

    private sealed record ClaimedRow(
        Guid Id, int Attempts, DateTime CreatedAt, string Kind, string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody);

    private sealed record AttachmentRow(Guid MessageId, string FileName, string ContentType, byte[] Content);
}
