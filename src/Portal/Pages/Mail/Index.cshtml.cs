using Certification.Mail;
using Certification.Portal.Crm;
using Certification.Portal.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Mail;

/// <summary>The outbox newest first: where each message stands and, without an SMTP server, the dev mailbox itself.</summary>
public sealed class IndexModel(MailboxQueries queries, MailSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public MailStatus? Status { get; set; }

    /// <summary>Only the mail of one CRM person: their contact history.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<MailListItem> Result { get; private set; } = new([], 0, 1, MailboxQueries.PageSize);

    public IReadOnlyDictionary<MailStatus, int> Counts { get; private set; } = new Dictionary<MailStatus, int>();

    public SmtpSettings? Smtp => settings.Smtp;

    /// <summary>The waits between attempts, as people write them: 1 min, 5 min, 30 min, 2 h…</summary>
    public static string RetryDelays => string.Join(", ", MailRetryPolicy.Delays.Select(d => d.TotalHours >= 1 ? $"{d.TotalHours:0} h" : $"{d.TotalMinutes:0} min"));

    public async Task OnGetAsync()
    {
        Result = await queries.ListAsync(Status, Search, Person, PageNumber);
        Counts = await queries.CountsAsync();
    }
}
