using System.Security.Claims;
using Certification.Common;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates;

/// <summary>The holder's certificates: their standing, the PDF of each, and the public page that verifies it.</summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class IndexModel(CertificateQueries queries, RenewalQueries renewals, [FromKeyedServices(ExamClock.Key)] TimeProvider clock) : PageModel
{
    public IReadOnlyList<CertificateListItem> Certificates { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The latest renewal request of each certificate, by number: its outcome is shown beside the certificate.</summary>
    public IReadOnlyDictionary<string, RenewalListItem> Renewals { get; private set; } = new Dictionary<string, RenewalListItem>();

    public async Task OnGetAsync()
    {
        Today = PolishDate.Of(clock.GetUtcNow());
        if (!Guid.TryParse(User.FindFirstValue(PortalClaims.PersonId), out var me))
        {
            return;
        }

        // A sign-in by access code reaches only its sitting: the certificate of that sitting, no other.
        var only = User.FindFirstValue(PortalClaims.SessionId);
        Certificates = [.. (await queries.OfHolderAsync(me)).Where(c => only is null || c.SessionId.ToString() == only)];
        Renewals = await renewals.LatestOfHolderAsync(me);
    }
}
