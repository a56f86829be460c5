using System.Diagnostics;
using System.Globalization;
using Certification.Mail;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>The portal's own sender, configured with an SMTP server: mail goes out as soon as it is enqueued, from any process.</summary>
public sealed class MailSenderTests
{
    [Fact]
    public async Task The_portal_sends_mail_as_soon_as_it_is_enqueued_here_or_by_another_process()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await PortalHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From:Address"] = "powiadomienia@certyfikacja.example",
            ["Mail:From:Name"] = "Szkolenia CRM",
        });
        var clock = Stopwatch.StartNew();

        await host.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(Mail("Pierwsza"));
        Assert.Single(await smtp.WaitForAsync(1));

        // A silo or another portal writes with connections of its own; the notification still reaches this sender.
        await using (var otherProcess = Npgsql.NpgsqlDataSource.Create(host.Database.ConnectionString))
        {
            await new MailOutbox(otherProcess, TimeProvider.System).EnqueueAsync(Mail("Druga"));
        }

        var received = await smtp.WaitForAsync(2);

        // Well inside the 30 s poll: the sender woke because mail was enqueued, not because its timer ran out.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(["Pierwsza", "Druga"], received.Select(m => m.Subject));
        Assert.All(received, m => Assert.Equal("Szkolenia CRM", m.From.Mailboxes.Single().Name));

        var admin = await host.SignedInAsync(await host.CreateUserAsync(Roles.TrainingAdmin));
        var page = await admin.GetStringAsync("/Mail");
        Assert.Contains($"127.0.0.1:{smtp.Port}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-mailbox", page, StringComparison.Ordinal);
    }

    private static OutgoingMail Mail(string subject) =>
        new("test.message", new MailRecipient("zofia@gmina.example", "Zofia Żółw"), subject, "Treść.");
}
