using Certification.Certificates;
using Certification.Certificates.Renewal;
using Certification.Portal.Accounts;
using Certification.Portal.Certificates;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates.Admin;

/// <summary>
/// One renewal request for the reviewer: the stated periods, what the rule counts of them, the evidence; accepting
/// renews the certificate (a new document version), refusing needs reasons. The holder is mailed either way.
/// </summary>
public sealed class RenewalModel(RenewalQueries renewals, CertificateFiles files, IGrainFactory grains, ErrorText errors) : PageModel
{
    public CertificateRecord Certificate { get; private set; } = null!;

    public RenewalRequest Renewal { get; private set; } = null!;

    /// <summary>The rule on the stated periods, as of the day of the request and the validity the request was for.</summary>
    public RenewalAssessment Assessment { get; private set; } = null!;

    [BindProperty]
    public string? Reasons { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id) =>
        DecideAsync(id, (grain, actor) => grain.AcceptAsync(id, actor));

    public Task<IActionResult> OnPostRefuseAsync(Guid id) =>
        DecideAsync(id, (grain, actor) => grain.RefuseAsync(id, Reasons ?? string.Empty, actor));

    private async Task<IActionResult> DecideAsync(Guid id, Func<ICertificateRenewalGrain, string, Task<Common.CommandResult>> decide)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await decide(grains.GetGrain<ICertificateRenewalGrain>(Certificate.Number), User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)).Distinct());
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await renewals.FindAsync(id) is not { } row || await files.FindAsync(row.Number) is not { } certificate)
        {
            return false;
        }

        Certificate = certificate;
        Renewal = (await grains.GetGrain<ICertificateRenewalGrain>(certificate.Number).ListAsync()).First(r => r.Id == id);

        // The validity the request was made in: the document version that stood on the day of the request.
        var validUntil = certificate.Versions.Last(v => v.From <= Renewal.SubmittedOn || v.DocumentVersion == 1).ValidUntil;
        Assessment = RenewalRule.Assess(
            certificate.IssuedOn, validUntil, Renewal.SubmittedOn, [.. Renewal.Periods.Select(p => new WorkPeriod(p.From, p.To, string.Join(", ", p.Evidence.Select(e => e.FileName))))]);
        return true;
    }
}
