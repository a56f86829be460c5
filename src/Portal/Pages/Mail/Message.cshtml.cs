using System.Security.Claims;
using Certification.Mail;
using Certification.Portal.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Mail;

/// <summary>One message whole: its bodies, attachments and delivery record; a failed one can be sent again.</summary>
public sealed class MessageModel(MailboxQueries queries, MailOutboxStore outbox, TimeProvider clock, ILogger<MessageModel> logger) : PageModel
{
    // A mail body is someone else's HTML. It is shown in a sandboxed frame (no scripts, an origin of its
    // own), and this policy, which the frame inherits, also keeps out scripts and remote images (tracking pixels).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public MailDetails Mail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await queries.FindAsync(id) is not { } mail)
        {
            return NotFound();
        }

        Mail = mail;
        Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Page();
    }

    /// <summary>Always a download, never shown inline: an attachment must not run as a page of the portal.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, short position) =>
        await queries.AttachmentAsync(id, position) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostSendAgainAsync(Guid id)
    {
        if (await outbox.SendAgainAsync(id, clock.GetUtcNow()))
        {
            logger.LogInformation("Mail {MailId} queued again by user {UserId}", id, User.FindFirstValue(ClaimTypes.NameIdentifier));
        }

        return RedirectToPage(new { id });
    }
}
