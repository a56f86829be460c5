using Certification.Assessment;
using Certification.Exams;
using Certification.Portal.Assessment;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Exams.Sessions;

/// <summary>
/// How far the assessors of a session agreed: per candidate the first two submitted sheets, criterion by
/// criterion, as the share of equal grades and Cohen's kappa, over both parts and for each.
/// </summary>
public sealed class AgreementModel(IGrainFactory grains, AssessmentQueries queries) : PageModel
{
    public SessionSnapshot Session { get; private set; } = null!;

    /// <summary>Both parts together (null part), then each part.</summary>
    public IReadOnlyList<(AssessmentPart? Part, RaterAgreement Agreement)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await grains.GetGrain<IExamSessionGrain>(id).GetAsync() is not { } session)
        {
            return NotFound();
        }

        Session = session;
        var practical = RaterAgreement.PairsOf(await queries.SubmittedSheetsAsync(id, AssessmentPart.Practical));
        var interview = RaterAgreement.PairsOf(await queries.SubmittedSheetsAsync(id, AssessmentPart.Interview));
        Rows =
        [
            (null, RaterAgreement.Of([.. practical, .. interview])),
            (AssessmentPart.Practical, RaterAgreement.Of(practical)),
            (AssessmentPart.Interview, RaterAgreement.Of(interview)),
        ];
        return Page();
    }
}
