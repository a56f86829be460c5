using Certification.Mail;
using Npgsql;

namespace Certification.Portal.Mail;

/// <summary>
/// Sends the outbox in the background of every portal. It sends until nothing is due, then sleeps
/// until mail is enqueued, the next retry is due, or <see cref="PollInterval"/> has passed — the last
/// catches what a lost notification (a dropped connection) would otherwise leave waiting.
/// </summary>
internal sealed class MailSenderService(
    MailDispatcher dispatcher, MailOutboxStore store, NpgsqlDataSource dataSource, MailSettings settings, TimeProvider clock,
    ILogger<MailSenderService> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    // Npgsql reads a zero timeout as "wait for ever".
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Smtp is { } smtp)
        {
            logger.LogInformation("Mail is sent through {Host}:{Port} ({Security})", smtp.Host, smtp.Port, smtp.Security);
        }
        else
        {
            logger.LogWarning("No SMTP server is configured (Mail:Smtp:Host): mail is not sent but kept in the dev mailbox at /Mail");
        }

        await using var listener = new MailOutboxListener(dataSource);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await listener.ListenAsync(stoppingToken);
                while (await dispatcher.DispatchDueAsync(stoppingToken) > 0)
                {
                    // A full batch may have left more behind; the round that finds nothing ends the loop.
                }

                await listener.WaitAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Mostly a lost database; whatever it is, the portal keeps serving and the sender tries again.
                logger.LogError(error, "Sending mail failed; trying again in {Delay}", PollInterval);
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
    }

    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var next = await store.NextDueAsync(cancellationToken);
        var wait = next is { } due ? due - clock.GetUtcNow() : PollInterval;
        return wait < ShortestWait ? ShortestWait : wait > PollInterval ? PollInterval : wait;
    }
}
