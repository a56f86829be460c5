using System.Text;
using Certification.Mail;
using Certification.Portal.Mail;
using Certification.Testing;
using Dapper;
using MimeKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Certification.Portal.Tests;

/// <summary>
/// The outbox and its sender against a real SMTP server on loopback, each test on a database of its own,
/// with a clock the test moves to reach retry times.
/// </summary>
public sealed class MailOutboxTests : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private TestDatabase _database = null!;

    private MailOutbox Outbox => new(_database.DataSource, _clock);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_enqueued_message_is_delivered_once_with_its_polish_text_and_attachment()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Szkolenie CRM — Łódź, sala „Żółta”\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        const string Subject = "Potwierdzenie zapisu: „Zażółć gęślą jaźń” — ŻÓŁĆ";
        const string Text = "Dzień dobry Pani Zofio,\n\npotwierdzamy zapis na szkolenie w Łodzi (źdźbło, mąka, część).\n\nPozdrawiamy";
        var person = Guid.NewGuid();

        var id = await Outbox.EnqueueAsync(new OutgoingMail("enrolment.confirmed", new MailRecipient("zofia.zolw@gmina.example", "Zofia Żółw"), Subject, Text)
        {
            HtmlBody = "<p>Dzień dobry <b>Pani Zofio</b>, potwierdzamy zapis.</p>",
            Attachments = [new MailAttachment("szkolenie-łódź.ics", "text/calendar; method=REQUEST", calendar)],
            PersonId = person,
            About = new RelatedObject("enrolment", "E-2026-001"),
        });
        var sender = Sender(smtp.Port);

        Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.DispatchDueAsync(CancellationToken.None));

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(Subject, message.Subject);
        Assert.Equal($"{id:N}@certyfikacja.example", message.MessageId);
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(("Zofia Żółw", "zofia.zolw@gmina.example"), (to.Name, to.Address));
        Assert.Equal(("Certyfikacja CRM", "powiadomienia@certyfikacja.example"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal(Text, message.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Contains("<b>Pani Zofio</b>", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal(("szkolenie-łódź.ics", "text/calendar"), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(calendar, content.ToArray());

        var row = await RowAsync(id);
        Assert.Equal(("sent", 1, null), (row.Status, row.Attempts, row.LastError));
        Assert.NotNull(row.SentAt);
        Assert.Equal((person, "enrolment", "E-2026-001"), (row.PersonId, row.RelatedType, row.RelatedId));
    }

    [Fact]
    public async Task While_the_server_is_down_attempts_back_off_with_the_error_recorded_and_the_message_goes_when_it_is_back()
    {
        var port = FreePort.Next();
        var sender = Sender(port);
        var id = await Outbox.EnqueueAsync(Mail("zenon@gmina.example"));

        Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));
        var first = await RowAsync(id);
        Assert.Equal(("queued", 1), (first.Status, first.Attempts));
        Assert.Contains("refused", first.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(first.NextAttemptAt - _clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sender.DispatchDueAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));
        var second = await RowAsync(id);
        Assert.Equal(("queued", 2), (second.Status, second.Attempts));
        Assert.InRange(second.NextAttemptAt - _clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));

        await using var smtp = await SmtpTestServer.StartAsync(port);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));

        Assert.Single(await smtp.WaitForAsync(1));
        var delivered = await RowAsync(id);
        Assert.Equal(("sent", 3), (delivered.Status, delivered.Attempts));
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_failed_until_someone_sends_it_again()
    {
        var port = FreePort.Next();
        var sender = Sender(port);
        var id = await Outbox.EnqueueAsync(Mail("zenon@gmina.example"));

        for (var attempt = 1; attempt <= MailRetryPolicy.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var failed = await RowAsync(id);
        Assert.Equal(("failed", MailRetryPolicy.MaxAttempts), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);
        Assert.Equal(0, await sender.DispatchDueAsync(CancellationToken.None));

        await using var smtp = await SmtpTestServer.StartAsync(port);
        Assert.True(await new MailOutboxStore(_database.DataSource).SendAgainAsync(id, _clock.GetUtcNow()));
        Assert.Equal(1, await sender.DispatchDueAsync(CancellationToken.None));

        Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(("sent", 1), ((await RowAsync(id)).Status, (await RowAsync(id)).Attempts));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_fails_at_once_and_the_next_message_still_goes()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var refused = await Outbox.EnqueueAsync(Mail("nikt@refused.example"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = await Outbox.EnqueueAsync(Mail("zenon@gmina.example"));

        Assert.Equal(2, await Sender(smtp.Port).DispatchDueAsync(CancellationToken.None));

        var row = await RowAsync(refused);
        Assert.Equal(("failed", 1), (row.Status, row.Attempts));
        Assert.StartsWith("550 ", row.LastError, StringComparison.Ordinal);
        Assert.Equal("sent", (await RowAsync(accepted)).Status);
        Assert.Equal("zenon@gmina.example", Assert.Single(await smtp.WaitForAsync(1)).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Senders_racing_for_the_outbox_deliver_each_message_exactly_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await Outbox.EnqueueAsync(Mail($"osoba{i}@gmina.example")));
        }

        // Four senders as four portals would run them: each with its own connections to the database.
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(_database.ConnectionString);
            var sender = Sender(smtp.Port, new MailOutboxStore(dataSource));
            var total = 0;
            for (int round; (round = await sender.DispatchDueAsync(CancellationToken.None)) > 0;)
            {
                total += round;
            }

            return total;
        })));

        Assert.Equal(60, claimed.Sum());
        Assert.True(claimed.Count(c => c > 0) > 1, "more than one sender had work");
        var received = smtp.Received();
        Assert.Equal(60, received.Count);
        Assert.Equal(ids.Select(id => $"{id:N}@certyfikacja.example").Order(), received.Select(m => m.MessageId).Order());
        Assert.Equal(60L, await _database.ScalarAsync<long>("SELECT count(*) FROM mail_message WHERE status = 'sent' AND attempts = 1"));
    }

    [Fact]
    public async Task Mail_enqueued_in_a_transaction_is_sent_only_if_the_transaction_commits()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await _database.ExecuteAsync("CREATE TABLE enrolment (id uuid PRIMARY KEY)");
        var rolledBack = await EnrolAsync("cofniety@gmina.example", commit: false);
        var committed = await EnrolAsync("zapisany@gmina.example", commit: true);

        Assert.Equal(1, await Sender(smtp.Port).DispatchDueAsync(CancellationToken.None));

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal($"{committed:N}@certyfikacja.example", message.MessageId);
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM mail_message WHERE id = '{rolledBack}'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM enrolment"));
    }

    [Fact]
    public async Task A_claim_whose_sender_died_is_taken_over_when_it_lapses_and_the_dead_sender_cannot_overwrite_it()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var id = await Outbox.EnqueueAsync(Mail("zenon@gmina.example"));
        var store = new MailOutboxStore(_database.DataSource);
        var dead = Assert.Single(await store.ClaimDueAsync(_clock.GetUtcNow(), 10, MailDispatcher.ClaimDuration, CancellationToken.None));

        Assert.Equal(0, await Sender(smtp.Port).DispatchDueAsync(CancellationToken.None));
        _clock.Advance(MailDispatcher.ClaimDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Sender(smtp.Port).DispatchDueAsync(CancellationToken.None));
        await store.RecordFailureAsync(dead, "the dead sender's late word", _clock.GetUtcNow());

        Assert.Single(await smtp.WaitForAsync(1));
        var row = await RowAsync(id);
        Assert.Equal(("sent", 2, null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task A_message_that_breaks_a_rule_is_refused_and_nothing_is_stored()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Outbox.EnqueueAsync(Mail("not-an-address")));

        Assert.Contains("address", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM mail_message"));
    }

    private static OutgoingMail Mail(string to) => new("test.message", new MailRecipient(to, "Zenon Źdźbło"), "Wiadomość testowa", "Treść wiadomości.");

    private MailDispatcher Sender(int port, MailOutboxStore? store = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From:Address"] = "powiadomienia@certyfikacja.example",
        }).Build();
        return new MailDispatcher(store ?? new MailOutboxStore(_database.DataSource), MailSettings.Read(configuration), _clock, NullLogger<MailDispatcher>.Instance);
    }

    private async Task<Guid> EnrolAsync(string email, bool commit)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO enrolment (id) VALUES (@id)", new { id = Guid.NewGuid() }, transaction);
        var id = await Outbox.EnqueueAsync(Mail(email) with { Kind = "enrolment.confirmed" }, transaction);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return id;
    }

    private async Task<Row> RowAsync(Guid id)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Row>(
            """
            SELECT status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, sent_at AS SentAt,
                   person_id AS PersonId, related_type AS RelatedType, related_id AS RelatedId
            FROM mail_message WHERE id = @id
            """,
            new { id });
    }

    private sealed record Row(
        string Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime? SentAt, Guid? PersonId, string? RelatedType, string? RelatedId);
}
