using Certification.Certificates;
using Certification.Portal.Accounts;
using Certification.Portal.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates;

/// <summary>
/// One evidence document of a renewal request (<c>/Certificates/Evidence/{id}</c>): for the reviewers (the office) and
/// the certificate's holder only; others get 404, as if there were no such document.
/// </summary>
public sealed class EvidenceModel(RenewalQueries renewals, CertificateFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await renewals.EvidenceAsync(id) is not { } evidence || await files.FindAsync(evidence.Number) is not { } certificate ||
            !(CertificateFiles.IsOffice(User) || (User.IsInRole(Roles.Candidate) && User.PersonFor(certificate.SessionId) == certificate.HolderId)))
        {
            return NotFound();
        }

        return File(evidence.Content, evidence.ContentType, evidence.FileName);
    }
}
