using Npgsql;

namespace Certification.Mail;

/// <summary>
/// The one way the platform sends e-mail: a message is stored in PostgreSQL and the portals' senders
/// deliver it, with retries, by SMTP (or to the dev mailbox when no SMTP server is configured).
/// </summary>
public interface IMailOutbox
{
    /// <summary>Stores the message, committed when this returns; its id names it in the outbox and in contact histories.</summary>
    /// <exception cref="ArgumentException">The message breaks a rule of <see cref="MailRules"/>; nothing is stored.</exception>
    Task<Guid> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the message in the caller's transaction: it is sent only if that transaction commits, so
    /// mail about a change goes out exactly when the change is kept.
    /// </summary>
    /// <exception cref="ArgumentException">The message breaks a rule of <see cref="MailRules"/>; nothing is stored.</exception>
    Task<Guid> EnqueueAsync(OutgoingMail mail, NpgsqlTransaction transaction, CancellationToken cancellationToken = default);
}
