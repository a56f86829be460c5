using System.Text.RegularExpressions;
using Certification.Common;

namespace Certification.Mail;

/// <summary>
/// What a message must be to enter the outbox. Messages are written by feature code, not typed by
/// users, so a broken rule is a bug: it is reported in English, for the developer, and stops the enqueue.
/// </summary>
public static partial class MailRules
{
    /// <summary>Leaves room for base64 (a third more) under the 25 MB most mail servers accept.</summary>
    public const int MaxAttachmentBytes = 15 * 1024 * 1024;

    public static IReadOnlyList<string> Problems(OutgoingMail mail)
    {
        var problems = new List<string>();
        if (!KindPattern().IsMatch(mail.Kind ?? string.Empty))
        {
            problems.Add($"Kind '{mail.Kind}' is not a dotted lower-case code such as 'enrolment.confirmed'.");
        }

        var addressErrors = new List<FieldError>();
        FieldRules.Email(addressErrors, "to", mail.To.Address, required: true);
        if (addressErrors.Count > 0)
        {
            problems.Add("The recipient's address is not an e-mail address.");
        }
        else if (!IsOneLine(mail.To.Name, 200))
        {
            problems.Add("The recipient's name must be one line of at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(mail.Subject) || !IsOneLine(mail.Subject, 250))
        {
            problems.Add("The subject must be one line of 1 to 250 characters.");
        }

        if (string.IsNullOrWhiteSpace(mail.TextBody))
        {
            problems.Add("The plain-text body is required, also when there is an HTML body.");
        }

        if (mail.About is { } about && (!IsOneLine(about.Type, 64) || string.IsNullOrWhiteSpace(about.Type) || !IsOneLine(about.Id, 200) || string.IsNullOrWhiteSpace(about.Id)))
        {
            problems.Add("The related object needs a type (up to 64 characters) and an id (up to 200).");
        }

        foreach (var attachment in mail.Attachments ?? [])
        {
            if (string.IsNullOrWhiteSpace(attachment.FileName) || !IsOneLine(attachment.FileName, 200) || attachment.FileName.IndexOfAny(['/', '\\']) >= 0)
            {
                problems.Add($"Attachment file name '{attachment.FileName}' must be a plain file name of at most 200 characters.");
            }

            if (!IsOneLine(attachment.ContentType, 200) || !ContentTypePattern().IsMatch(attachment.ContentType ?? string.Empty))
            {
                problems.Add($"Attachment content type '{attachment.ContentType}' is not a MIME type such as 'application/pdf'.");
            }

            if (attachment.Content is not { Length: > 0 })
            {
                problems.Add($"Attachment '{attachment.FileName}' is empty.");
            }
        }

        if ((mail.Attachments ?? []).Sum(a => (long)(a.Content?.Length ?? 0)) > MaxAttachmentBytes)
        {
            problems.Add($"Attachments may hold at most {MaxAttachmentBytes / 1024 / 1024} MB together.");
        }

        return problems;
    }

    public static void ThrowIfInvalid(OutgoingMail mail)
    {
        var problems = Problems(mail);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The mail '{mail.Kind}' was not enqueued: {string.Join(" ", problems)}", nameof(mail));
        }
    }

    // A line break in a header value would end the header: the rest could be read as headers of its own.
    private static bool IsOneLine(string? value, int maxLength) =>
        value is null || (value.Length <= maxLength && !value.Any(char.IsControl));

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$")]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;.*)?$")]
    private static partial Regex ContentTypePattern();
}
