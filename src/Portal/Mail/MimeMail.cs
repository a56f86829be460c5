using Certification.Mail;
using MimeKit;

namespace Certification.Portal.Mail;

/// <summary>Turns a message of the outbox into the MIME message the SMTP server receives.</summary>
internal static class MimeMail
{
    public static MimeMessage Compose(DueMail mail, MailboxAddress from)
    {
        var message = new MimeMessage
        {
            // The same id on every attempt: a receiver that got a message twice (a claim that lapsed
            // after the server took it) can tell it is one message.
            MessageId = $"{mail.Id:N}@{from.Domain}",
            Date = mail.CreatedAt,
            Subject = mail.Subject,
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.To.Name ?? string.Empty, mail.To.Address));

        // RFC 3834: out-of-office and other automatic replies are not sent back to a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
