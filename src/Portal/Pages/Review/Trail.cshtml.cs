using Certification.Assessment;
using Certification.Infrastructure;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Review;

/// <summary>
/// A validation's audit trail, as stored in <c>audit_event</c>: who did what, when and why, in order. For the
/// training office and for the reviewer of the candidate's appeal.
/// </summary>
public sealed class TrailModel(
    Validations validations, AssessmentQueries queries, AuditLog<AssessmentEvent> log, UserStore users, IStringLocalizer<SharedResource> text)
    : PageModel
{
    private readonly Dictionary<string, string> _actors = [];

    public ValidationView View { get; private set; } = null!;

    public IReadOnlyList<AssessmentEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view ||
            !(User.IsInRole(Roles.TrainingAdmin) || User.AppealReviewer(view.Assessment) is not null))
        {
            return NotFound();
        }

        Events = await log.ReadAsync(AssessmentKey.Stream(sessionId, personId));

        // The trail also names people no longer on the record: an earlier panel, an earlier reviewer.
        var names = await queries.NamesAsync(Events.SelectMany(PeopleIn).Where(p => !view.Names.ContainsKey(p)));
        View = view with { Names = view.Names.Concat(names).ToDictionary(n => n.Key, n => n.Value) };
        foreach (var actor in Events.Select(e => e.Actor).Distinct())
        {
            _actors[actor] = Guid.TryParse(actor, out var id) && await users.FindByIdAsync(id) is { } account ? $"{account.DisplayName} ({account.Email})" : actor;
        }

        return Page();
    }

    private static IEnumerable<Guid> PeopleIn(AssessmentEvent @event) => @event switch
    {
        PanelAppointed panel => panel.Assessors,
        GradesSaved grades => [grades.Assessor],
        DisagreementResolved resolved => [resolved.By],
        DecisionDrafted drafted => [drafted.By],
        DecisionSigned signed => [signed.By],
        ReviewerAssigned assigned => [assigned.Reviewer],
        AppealDecided decided => [decided.Reviewer],
        PanelMemberWithdrawn withdrawn => [withdrawn.Assessor],
        ConflictAfterDecision late => [late.Assessor],
        ObservationNoted noted => [noted.By],
        _ => [],
    };

    public string ActorName(string actor) => _actors.GetValueOrDefault(actor, actor);

    /// <summary>What happened, in a sentence; the grades of a sheet are listed beside it.</summary>
    public string What(AssessmentEvent @event) => @event switch
    {
        PanelAppointed panel => text["Wyznaczono komisję: {0}", string.Join(", ", panel.Assessors.Select(View.Name))],
        GradesSaved { Submitted: true } grades => text["{0} przekazał(a) ocenę: {1}", View.Name(grades.Assessor), text.PartName(grades.Part)],
        GradesSaved grades => text["{0} zapisał(a) szkic oceny: {1}", View.Name(grades.Assessor), text.PartName(grades.Part)],
        DisagreementResolved resolved => text["{0} rozstrzygnął(-ęła) rozbieżność w kryterium {1} ({2}): {3}",
            View.Name(resolved.By), resolved.CriterionId, text.PartName(resolved.Part), text.GradeName(resolved.Met)],
        DecisionDrafted drafted => text["{0} sformułował(a) decyzję: {1}", View.Name(drafted.By), text.DecisionName(drafted.Outcome)],
        DecisionSigned signed => text["{0} podpisał(a) decyzję", View.Name(signed.By)],
        AppealFiled => text["Kandydat(ka) złożył(a) odwołanie"],
        ReviewerAssigned assigned => text["Wyznaczono recenzenta odwołania: {0}", View.Name(assigned.Reviewer)],
        AppealDecided decided => text["{0} rozpatrzył(a) odwołanie: {1}", View.Name(decided.Reviewer), text.AppealOutcomeName(decided.Outcome)] +
            (decided.NewOutcome is { } outcome ? $" ({text.DecisionName(outcome)})" : string.Empty) +
            (decided.Outcome == AppealOutcome.NewValidation ? " — " + text["decyzja komisji uchylona"] : string.Empty),
        PanelMemberWithdrawn withdrawn => text["{0} zgłosił(a) konflikt interesów i został(a) wycofany(-a) z komisji: jego (jej) oceny, rozstrzygnięcia komisji i niepodpisana decyzja przestają się liczyć", View.Name(withdrawn.Assessor)],
        ConflictAfterDecision late => text["{0} zgłosił(a) konflikt interesów po podpisaniu decyzji: decyzja pozostaje w mocy", View.Name(late.Assessor)],
        ObservationNoted noted => text["{0} przypiął(-ęła) notatkę do działania nr {1}: {2}", View.Name(noted.By), noted.ActionSequence, noted.Text],
        RevalidationScheduled scheduled => text["Kandydat(ka) wpisany(a) na listę sesji „{0}” ({1}): ponowna walidacja po uwzględnieniu odwołania",
            scheduled.SessionTitle, scheduled.StartsAt.InPoland().ToString("g", System.Globalization.CultureInfo.CurrentCulture)],
        _ => @event.GetType().Name,
    };
}
