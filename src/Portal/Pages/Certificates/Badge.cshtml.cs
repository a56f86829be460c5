using Certification.Portal.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates;

/// <summary>
/// The certificate as a signed Open Badges 3.0 credential (<c>/Certificates/CRM-2026-000123-K/badge</c>, a compact JWS
/// a wallet imports and a verifier checks against the published key set). The holder and the office download it while
/// the certificate is not revoked; others get 404, as if there were no such certificate.
/// </summary>
public sealed class BadgeModel(CertificateFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(number) is not { } certificate || !CertificateFiles.MayRead(User, certificate) ||
            await files.BadgeAsync(certificate, cancellationToken) is not { } badge)
        {
            return NotFound();
        }

        return File(System.Text.Encoding.ASCII.GetBytes(badge), "application/jwt", CertificateFiles.BadgeFileName(certificate));
    }
}
