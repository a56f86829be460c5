namespace Certification.Mail;

/// <summary>
/// A message a sender has claimed for one attempt. <see cref="Attempt"/> is the claim: an outcome is
/// recorded only while the message is still on that attempt, so a sender whose claim lapsed and was
/// taken over cannot overwrite what the next sender did.
/// </summary>
public sealed record DueMail(
    Guid Id,
    int Attempt,
    DateTimeOffset CreatedAt,
    string Kind,
    MailRecipient To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyList<MailAttachment> Attachments);
