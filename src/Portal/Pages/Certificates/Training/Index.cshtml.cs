using System.Globalization;
using Certification.Portal.Hosting;
using Certification.Portal.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certification.Portal.Pages.Certificates.Training;

/// <summary>
/// The public page of a participation certificate, reached by the QR code on it or the link in the
/// participant's e-mail: the facts it states, and the PDF. Nothing else about the person is shown.
/// </summary>
[EnableRateLimiting(RateLimits.PublicLookup)]
public sealed class IndexModel(ParticipationCertificates certificates) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code) =>
        await certificates.FindAsync(code) is { } certificate ? Show(certificate) : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(string code)
    {
        if (await certificates.FindAsync(code) is not { } certificate)
        {
            return NotFound();
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var file = certificates.Render(certificate, english);
        return File(file, "application/pdf", $"zaswiadczenie-{certificate.Data.Number.Replace('/', '-')}.pdf");
    }

    private PageResult Show(CertificateView certificate)
    {
        Certificate = certificate;
        return Page();
    }
}
