using Certification.Mail;
using Certification.Portal.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Certification.Portal.Tests;

/// <summary>The rules a message must keep to enter the outbox, the retry schedule, and the mail settings.</summary>
public sealed class MailRulesTests
{
    private static readonly OutgoingMail Valid = new("invitation.sent", new MailRecipient("jan@gmina.example", "Jan Kowalski"), "Zaproszenie", "Treść");

    public static TheoryData<string, OutgoingMail> Broken => new()
    {
        { "kind", Valid with { Kind = "Invitation Sent" } },
        { "address", Valid with { To = new MailRecipient("jan.gmina.example") } },
        { "name", Valid with { To = new MailRecipient("jan@gmina.example", "Jan\r\nBcc: ktos@example.com") } },
        { "subject", Valid with { Subject = "Zaproszenie\nBcc: ktos@example.com" } },
        { "subject", Valid with { Subject = " " } },
        { "body", Valid with { TextBody = "" } },
        { "file name", Valid with { Attachments = [new MailAttachment("../etc/passwd", "text/plain", [1])] } },
        { "content type", Valid with { Attachments = [new MailAttachment("plik.pdf", "pdf", [1])] } },
        { "empty", Valid with { Attachments = [new MailAttachment("plik.pdf", "application/pdf", [])] } },
        { "MB", Valid with { Attachments = [new MailAttachment("duzy.pdf", "application/pdf", new byte[MailRules.MaxAttachmentBytes + 1])] } },
        { "related", Valid with { About = new RelatedObject("enrolment", "") } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_message_that_breaks_a_rule_is_refused_with_the_rule_named(string named, OutgoingMail mail)
    {
        var problem = Assert.Single(MailRules.Problems(mail));

        Assert.Contains(named, problem, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => MailRules.ThrowIfInvalid(mail));
    }

    [Fact]
    public void A_message_with_everything_filled_in_is_accepted() =>
        Assert.Empty(MailRules.Problems(Valid with
        {
            HtmlBody = "<p>Treść</p>",
            Attachments = [new MailAttachment("zaproszenie.ics", "text/calendar; method=REQUEST", [1, 2, 3])],
            PersonId = Guid.NewGuid(),
            About = new RelatedObject("training", "T-1"),
        }));

    [Fact]
    public void Retries_come_ever_more_rarely_and_stop_after_the_last_attempt_or_a_refusal()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        var waits = Enumerable.Range(1, MailRetryPolicy.MaxAttempts - 1).Select(n => MailRetryPolicy.NextAttemptAt(n, at, permanent: false)!.Value - at);

        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24)],
            waits);
        Assert.Null(MailRetryPolicy.NextAttemptAt(MailRetryPolicy.MaxAttempts, at, permanent: false));
        Assert.Null(MailRetryPolicy.NextAttemptAt(1, at, permanent: true));
    }

    [Fact]
    public void Without_an_smtp_host_mail_goes_to_the_dev_mailbox_and_a_host_brings_sensible_defaults()
    {
        Assert.Null(Read([]).Smtp);

        var smtp = Read(new() { ["Mail:Smtp:Host"] = "smtp.example.pl", ["Mail:From:Address"] = "powiadomienia@example.pl" }).Smtp!;

        Assert.Equal(("smtp.example.pl", 587, SecureSocketOptions.StartTls, null), (smtp.Host, smtp.Port, smtp.Security, smtp.User));
        Assert.Equal(("Certyfikacja CRM", "powiadomienia@example.pl"), (smtp.From.Name, smtp.From.Address));
        Assert.Equal(465, Read(new() { ["Mail:Smtp:Host"] = "smtp.example.pl", ["Mail:Smtp:Security"] = "SslOnConnect", ["Mail:From:Address"] = "a@example.pl" }).Smtp!.Port);
    }

    [Theory]
    [InlineData(null, "Mail:From:Address")]
    [InlineData("Sometimes", "Mail:Smtp:Security")]
    public void A_half_configured_smtp_server_stops_the_start_naming_the_key(string? security, string key)
    {
        var settings = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "smtp.example.pl", ["Mail:Smtp:Security"] = security };
        if (security is not null)
        {
            settings["Mail:From:Address"] = "powiadomienia@example.pl";
        }

        var error = Assert.Throws<InvalidOperationException>(() => Read(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static MailSettings Read(Dictionary<string, string?> settings) =>
        MailSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
