using Certification.Common;
using Certification.Exams;
using Certification.Portal.Certificates;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Certificates.Admin;

/// <summary>
/// The office's certificates: search by number or name, the register of a period as CSV, and the sessions whose
/// positive decisions still lack certificates (for the bulk issue).
/// </summary>
public sealed class IndexModel(CertificateQueries queries, IStringLocalizer<Localization.SharedResource> text, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<CertificateListItem> Result { get; private set; } = null!;

    public IReadOnlyList<SessionMissingCertificates> Missing { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The register's period, a calendar year so far by default.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public string? ExportError { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Every certificate issued in the period, revoked ones included (the register keeps them, marked).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var (from, to) = (From, To);
        await LoadAsync();
        if (from is null || to is null)
        {
            ExportError = text["Podaj początek i koniec okresu."];
            return Page();
        }

        if (to < from)
        {
            ExportError = text["Koniec okresu nie może być wcześniejszy niż jego początek."];
            return Page();
        }

        var file = RegisterCsv.Write(await queries.IssuedAsync(from.Value, to.Value), Today);
        return File(file, "text/csv; charset=utf-8", $"rejestr-certyfikatow-{from.Value:yyyy-MM-dd}-{to.Value:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync()
    {
        Today = PolishDate.Of(clock.GetUtcNow());
        From ??= new DateOnly(Today.Year, 1, 1);
        To ??= Today;
        Result = await queries.SearchAsync(Search, PageNumber);
        Missing = await queries.SessionsMissingAsync();
    }
}
