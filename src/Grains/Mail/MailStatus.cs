namespace Certification.Mail;

public enum MailStatus
{
    Queued,
    Sending,
    Sent,
    Failed,

    /// <summary>No SMTP server is configured: the message went to the portal's dev mailbox instead.</summary>
    DevDelivered,
}

/// <summary>The names of the statuses in <c>mail_message.status</c>: part of the stored schema, never rename.</summary>
public static class MailStatuses
{
    public static string ToDatabase(this MailStatus status) => status switch
    {
        MailStatus.Queued => "queued",
        MailStatus.Sending => "sending",
        MailStatus.Sent => "sent",
        MailStatus.Failed => "failed",
        MailStatus.DevDelivered => "dev_delivered",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static MailStatus Parse(string value) => value switch
    {
        "queued" => MailStatus.Queued,
        "sending" => MailStatus.Sending,
        "sent" => MailStatus.Sent,
        "failed" => MailStatus.Failed,
        "dev_delivered" => MailStatus.DevDelivered,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown mail status."),
    };
}
