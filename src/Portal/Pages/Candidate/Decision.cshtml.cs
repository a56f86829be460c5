using Certification.Assessment;
using Certification.Common;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Candidate;

/// <summary>
/// The candidate's own validation decision, once the whole panel has signed it: the outcome, the justifications,
/// the last day to appeal, and the appeal form. The grain is keyed by the signed-in person, so nobody reaches
/// another candidate's decision.
/// </summary>
public sealed class DecisionModel(
    IGrainFactory grains, Validations validations, ErrorText errors, IStringLocalizer<SharedResource> text, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    public ValidationView View { get; private set; } = null!;

    public CandidateDecision Decision { get; private set; } = null!;

    /// <summary>True once the last day to appeal has passed (in Polish time).</summary>
    public bool Late { get; private set; }

    [BindProperty]
    public string? Reasons { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId) => await LoadAsync(sessionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAppealAsync(Guid sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        var result = await grains.Assessment(sessionId, View.CandidateId).FileAppealAsync(View.CandidateId, Reasons ?? string.Empty, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId });
        }

        Message = result.Errors[0].Code == AppealRules.Late
            ? text["Termin na złożenie odwołania minął {0}. Odwołania nie można już złożyć.", Decision.AppealLastDay.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]
            : string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId)
    {
        if (User.PersonFor(sessionId) is not { } me || await validations.LoadAsync(sessionId, me) is not { } view ||
            await grains.Assessment(sessionId, me).GetForCandidateAsync() is not { } decision)
        {
            return false;
        }

        View = view;
        Decision = decision;
        Late = PolishDate.Of(clock.GetUtcNow()) > decision.AppealLastDay;
        return true;
    }
}
