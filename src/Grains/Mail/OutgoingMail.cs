namespace Certification.Mail;

/// <summary>
/// An e-mail as feature code hands it to <see cref="IMailOutbox"/>: what to send to whom, and what it
/// is about, so a person's contact history can list it.
/// </summary>
/// <param name="Kind">What the mail is, as a stable dotted code such as <c>enrolment.confirmed</c>.</param>
public sealed record OutgoingMail(string Kind, MailRecipient To, string Subject, string TextBody)
{
    /// <summary>An HTML alternative of <see cref="TextBody"/>; the plain text is always sent too.</summary>
    public string? HtmlBody { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>The CRM person the mail is addressed to, when there is one.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>The business object the mail is about, e.g. a training enrolment.</summary>
    public RelatedObject? About { get; init; }
}

public sealed record MailRecipient(string Address, string? Name = null);

/// <param name="ContentType">A MIME type, with parameters if any (<c>text/calendar; method=REQUEST</c>).</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="Type">A stable name of the kind of object, e.g. <c>enrolment</c>.</param>
public sealed record RelatedObject(string Type, string Id);
