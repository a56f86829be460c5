using Dapper;
using Npgsql;

namespace Certification.Mail;

/// <summary>Writes messages into <c>mail_message</c> and wakes the senders when the write commits.</summary>
public sealed class MailOutbox(NpgsqlDataSource dataSource, TimeProvider clock) : IMailOutbox
{
    /// <summary>
    /// The PostgreSQL channel a sender listens on. A NOTIFY is delivered only when its transaction
    /// commits, so senders in every process wake for mail that can be sent, never for a rolled-back one.
    /// </summary>
    public const string Channel = "mail_outbox";

    public async Task<Guid> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        MailRules.ThrowIfInvalid(mail);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await InsertAsync(mail, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public Task<Guid> EnqueueAsync(OutgoingMail mail, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        MailRules.ThrowIfInvalid(mail);
        return InsertAsync(mail, transaction, cancellationToken);
    }

    /// <summary>Wakes the senders once <paramref name="transaction"/> commits.</summary>
    internal static Task NotifySendersAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_notify(@channel, '')", new { channel = Channel }, transaction, cancellationToken: cancellationToken));

    private async Task<Guid> InsertAsync(OutgoingMail mail, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has already ended.", nameof(transaction));
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mail_message (id, created_at, kind, to_address, to_name, subject, text_body, html_body,
                                      person_id, related_type, related_id, next_attempt_at)
            VALUES (@id, @now, @kind, @address, @name, @subject, @text, @html, @personId, @relatedType, @relatedId, @now)
            """,
            new
            {
                id,
                now,
                kind = mail.Kind,
                address = mail.To.Address.Trim(),
                name = string.IsNullOrWhiteSpace(mail.To.Name) ? null : mail.To.Name.Trim(),
                subject = mail.Subject,
                text = mail.TextBody,
                html = mail.HtmlBody,
                personId = mail.PersonId,
                relatedType = mail.About?.Type,
                relatedId = mail.About?.Id,
            },
            transaction,
            cancellationToken: cancellationToken));

        for (var position = 0; position < mail.Attachments.Count; position++)
        {
            var attachment = mail.Attachments[position];
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO mail_attachment (message_id, position, file_name, content_type, content)
                VALUES (@id, @position, @fileName, @contentType, @content)
                """,
                new { id, position = (short)position, fileName = attachment.FileName, contentType = attachment.ContentType, content = attachment.Content },
                transaction,
                cancellationToken: cancellationToken));
        }

        await NotifySendersAsync(transaction, cancellationToken);
        return id;
    }
}
