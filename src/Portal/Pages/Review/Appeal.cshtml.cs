using Certification.Assessment;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Review;

/// <summary>
/// The assigned reviewer's view of an appeal: the decision, every submitted grade and resolution, the candidate's
/// reasons, and the outcome (rejected, the decision changed, or a new validation), always with reasons.
/// Only the reviewer assigned to this appeal reaches it.
/// </summary>
public sealed class AppealModel(
    IGrainFactory grains, Validations validations, AssessmentQueries queries, ErrorText errors, IStringLocalizer<SharedResource> text,
    PanelSimulations simulations, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    public ValidationView View { get; private set; } = null!;

    public Guid Me { get; private set; }

    public IReadOnlyDictionary<AssessmentPart, IReadOnlyList<GradeSheet>> Sheets { get; private set; } = new Dictionary<AssessmentPart, IReadOnlyList<GradeSheet>>();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? NewOutcome { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Justifications { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The session of a new validation, when the reviewer orders one and a session is already scheduled.</summary>
    [BindProperty]
    public Guid? RevalidationSession { get; set; }

    /// <summary>Sessions of the same qualification that have not opened yet: where a new validation can take place.</summary>
    public IReadOnlyList<SessionOption> UpcomingSessions { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The panel's notes on the simulation, beside the actions they are about.</summary>
    public ObservationLog Observations { get; private set; } = null!;

    public AppealView Appeal => View.Assessment.Appeal!;

    public DecisionView Decision => View.Assessment.Decision!;

    /// <summary>The parts a changed decision may justify: the theory test and every criterion of both parts.</summary>
    public IReadOnlyList<string> Parts =>
        [DecisionRules.TheoryPart, .. View.Criteria(AssessmentPart.Practical).Select(c => c.Id), .. View.Criteria(AssessmentPart.Interview).Select(c => c.Id)];

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        foreach (var (part, justification) in Decision.Justifications)
        {
            Justifications[part] = justification;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        AppealOutcome? outcome = Outcome switch
        {
            "rejected" => AppealOutcome.Rejected,
            "changed" => AppealOutcome.DecisionChanged,
            "new" => AppealOutcome.NewValidation,
            _ => null,
        };
        if (outcome is null)
        {
            Message = text["Wybierz rozstrzygnięcie odwołania."];
            return Page();
        }

        DecisionOutcome? newOutcome = outcome != AppealOutcome.DecisionChanged ? null : NewOutcome switch
        {
            "positive" => DecisionOutcome.Positive,
            "negative" => DecisionOutcome.Negative,
            _ => null,
        };

        // A positive decision needs no justification per part, so any left over from the panel's negative one is not kept.
        var justifications = newOutcome == DecisionOutcome.Negative
            ? Justifications.Where(j => Parts.Contains(j.Key) && !string.IsNullOrWhiteSpace(j.Value)).ToDictionary(j => j.Key, j => j.Value!.Trim(), StringComparer.Ordinal)
            : null;
        var result = await grains.Assessment(sessionId, personId).DecideAppealAsync(
            outcome.Value, Reasons ?? string.Empty, newOutcome, justifications, Me, User.Actor(), outcome == AppealOutcome.NewValidation ? RevalidationSession : null);
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId, personId });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, Guid personId)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view || User.AppealReviewer(view.Assessment) is not { } me ||
            view.Assessment.Decision is null)
        {
            return false;
        }

        View = view;
        Me = me;
        UpcomingSessions = view.Assessment.Appeal?.Outcome is null
            ? await queries.UpcomingSessionsAsync(view.Session.Details.Qualification, clock.GetUtcNow())
            : [];
        var grain = grains.Assessment(sessionId, personId);
        Sheets = new Dictionary<AssessmentPart, IReadOnlyList<GradeSheet>>
        {
            [AssessmentPart.Practical] = await grain.GetSubmittedSheetsAsync(AssessmentPart.Practical),
            [AssessmentPart.Interview] = await grain.GetSubmittedSheetsAsync(AssessmentPart.Interview),
        };
        Observations = await simulations.ObservationsAsync(sessionId, personId);
        return true;
    }
}
