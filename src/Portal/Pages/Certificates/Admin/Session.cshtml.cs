using Certification.Certificates;
using Certification.Exams;
using Certification.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates.Admin;

/// <summary>
/// A session's certificates and their bulk issue: every final positive decision of the session without a certificate
/// gets one, while the page polls the progress. The exam session's page shows the same section to the training office.
/// </summary>
public sealed class SessionModel(IGrainFactory grains) : PageModel
{
    public SessionSnapshot Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await grains.GetGrain<IExamSessionGrain>(id).GetAsync() is not { } session)
        {
            return NotFound();
        }

        Session = session;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, string? returnUrl)
    {
        if (await grains.GetGrain<IExamSessionGrain>(id).GetAsync() is null)
        {
            return NotFound();
        }

        await grains.GetGrain<ISessionCertificatesGrain>(id).StartAsync(User.Actor());
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id) =>
        new JsonResult(await grains.GetGrain<ISessionCertificatesGrain>(id).GetProgressAsync());
}
