using Certification.Certificates;
using Certification.Portal.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates;

/// <summary>
/// The certificate's PDF (<c>/Certificates/CRM-2026-000123-K/pdf</c>), printed afresh from its record — byte for byte
/// the same each time. The holder downloads their own while it is not revoked; the office any. Others get 404, as if
/// there were no such certificate.
/// </summary>
public sealed class PdfModel(CertificateFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (await files.FindAsync(number) is not { } certificate || !CertificateFiles.MayRead(User, certificate) ||
            (certificate.Revocation is not null && !CertificateFiles.IsOffice(User)))
        {
            return NotFound();
        }

        return File(files.Pdf(certificate), "application/pdf", CertificateFiles.FileName(certificate));
    }
}
