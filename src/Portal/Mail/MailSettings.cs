using MailKit.Security;
using MimeKit;

namespace Certification.Portal.Mail;

/// <summary>The SMTP server mail is sent through, and the sender the messages are from.</summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, MailboxAddress From);

/// <summary>
/// The <c>Mail</c> section of the configuration, read once at start-up. Without <c>Mail:Smtp:Host</c>
/// nothing is sent: messages go to the dev mailbox. A server set up halfway stops the start-up with a
/// message that names the missing key.
/// </summary>
public sealed record MailSettings(SmtpSettings? Smtp)
{
    public const string DefaultFromName = "Certyfikacja CRM";

    public static MailSettings Read(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Mail:Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            return new MailSettings(Smtp: null);
        }

        var security = smtp["Security"] is { Length: > 0 } mode
            ? Enum.TryParse<SecureSocketOptions>(mode, ignoreCase: true, out var parsed) && !char.IsDigit(mode[0])
                ? parsed
                : throw new InvalidOperationException($"Mail:Smtp:Security must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}, not '{mode}'.")
            : SecureSocketOptions.StartTls;
        var from = configuration["Mail:From:Address"] is { Length: > 0 } address && MailboxAddress.TryParse(address, out var parsedFrom)
            ? new MailboxAddress(configuration["Mail:From:Name"] ?? DefaultFromName, parsedFrom.Address)
            : throw new InvalidOperationException("Mail:From:Address (the address mail is sent from) is missing or not an e-mail address; it is required with Mail:Smtp:Host.");
        return new MailSettings(new SmtpSettings(
            smtp["Host"]!.Trim(),
            smtp.GetValue<int?>("Port") ?? (security == SecureSocketOptions.SslOnConnect ? 465 : 587),
            security,
            string.IsNullOrEmpty(smtp["User"]) ? null : smtp["User"],
            smtp["Password"],
            from));
    }
}
