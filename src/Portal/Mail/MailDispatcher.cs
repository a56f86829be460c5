using Certification.Mail;

namespace Certification.Portal.Mail;

/// <summary>
/// One round of sending: claims what is due, delivers it — by SMTP when a server is configured,
/// otherwise into the dev mailbox — and records each outcome, scheduling the retries of failures.
/// </summary>
public sealed class MailDispatcher(MailOutboxStore store, MailSettings settings, TimeProvider clock, ILogger<MailDispatcher> logger)
{
    public const int BatchSize = 10;

    /// <summary>
    /// How long a claimed message is left to its sender: longer than a round can take when every
    /// message waits out the SMTP timeout, so only a sender that died loses its messages to another.
    /// </summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(15);

    /// <summary>Sends one batch of due messages; the number claimed (0 when nothing was due).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ClaimDueAsync(clock.GetUtcNow(), BatchSize, ClaimDuration, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        if (settings.Smtp is null)
        {
            foreach (var mail in due)
            {
                await store.RecordDeliveredAsync(mail, MailStatus.DevDelivered, clock.GetUtcNow());
                logger.LogInformation("Mail {MailId} ({Kind}) put in the dev mailbox", mail.Id, mail.Kind);
            }

            return due.Count;
        }

        await using var smtp = new SmtpDelivery(settings.Smtp);
        for (var i = 0; i < due.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await store.ReleaseAsync([.. due.Skip(i)], clock.GetUtcNow());
                cancellationToken.ThrowIfCancellationRequested();
            }

            // A message under way is not abandoned when the portal stops: the server may have taken it,
            // and only a recorded outcome keeps it from being sent twice.
            await RecordAsync(due[i], await smtp.SendAsync(due[i]));
        }

        return due.Count;
    }

    private async Task RecordAsync(DueMail mail, DeliveryFailure? failure)
    {
        var now = clock.GetUtcNow();
        if (failure is null)
        {
            await store.RecordDeliveredAsync(mail, MailStatus.Sent, now);
            logger.LogInformation("Mail {MailId} ({Kind}) sent on attempt {Attempt}", mail.Id, mail.Kind, mail.Attempt);
            return;
        }

        var retryAt = MailRetryPolicy.NextAttemptAt(mail.Attempt, now, failure.Permanent);
        await store.RecordFailureAsync(mail, failure.Error, retryAt);
        if (retryAt is null)
        {
            logger.LogError("Mail {MailId} ({Kind}) failed after {Attempt} attempt(s): {Reason}", mail.Id, mail.Kind, mail.Attempt, failure.LogReason);
        }
        else
        {
            logger.LogWarning("Mail {MailId} ({Kind}) attempt {Attempt} failed: {Reason}; next attempt at {RetryAt:o}", mail.Id, mail.Kind, mail.Attempt, failure.LogReason, retryAt);
        }
    }
}
