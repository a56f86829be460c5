using Certification.Assessment;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Exams.Appeals;

/// <summary>
/// The office's list of appeals, where each open one gets a reviewer: someone who was not on the candidate's
/// panel and has no conflict with them (the assessment grain refuses anyone else, with the reason).
/// </summary>
public sealed class IndexModel(
    IGrainFactory grains, AssessmentQueries queries, ErrorText errors, IStringLocalizer<SharedResource> text, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<ValidationListItem> Appeals { get; private set; } = [];

    /// <summary>Candidates whose appeal ordered a new validation and who are on no session yet.</summary>
    public IReadOnlyList<AwaitingRevalidation> Awaiting { get; private set; } = [];

    /// <summary>Upcoming sessions of the awaiting candidates' qualifications, by qualification.</summary>
    public ILookup<string, SessionOption> UpcomingSessions { get; private set; } = Array.Empty<SessionOption>().ToLookup(s => s.Qualification);

    /// <summary>Why the session just chosen for a new validation was refused; nothing was saved.</summary>
    public string? ScheduleRefused { get; private set; }

    public IReadOnlyList<PersonOption> Reviewers { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Why the reviewer just chosen was refused; nothing was saved.</summary>
    public string? Refused { get; private set; }

    public string Name(Guid person) => Names.GetValueOrDefault(person, person.ToString());

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAssignAsync(Guid sessionId, Guid personId, Guid? reviewer)
    {
        await LoadAsync();
        if (Appeals.All(a => a.SessionId != sessionId || a.PersonId != personId))
        {
            return NotFound();
        }

        if (reviewer is not { } chosen || Reviewers.All(r => r.Id != chosen))
        {
            Refused = text["Wybierz recenzenta z listy."];
            return Page();
        }

        var objections = await grains.Assessment(sessionId, personId).AssignReviewerAsync(chosen, User.Actor());
        if (objections.Count == 0)
        {
            return RedirectToPage();
        }

        Refused = string.Join(" ", objections.Select(o => errors.For(o, Name)));
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid sessionId, Guid personId, Guid? target)
    {
        await LoadAsync();
        if (Awaiting.All(a => a.SessionId != sessionId || a.PersonId != personId))
        {
            return NotFound();
        }

        if (target is not { } chosen)
        {
            ScheduleRefused = text["Wybierz sesję z listy."];
            return Page();
        }

        var result = await grains.Assessment(sessionId, personId).ScheduleRevalidationAsync(chosen, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage();
        }

        ScheduleRefused = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task LoadAsync()
    {
        Awaiting = await queries.AwaitingRevalidationAsync();
        UpcomingSessions = Awaiting.Count == 0
            ? UpcomingSessions
            : (await queries.UpcomingSessionsAsync([.. Awaiting.Select(a => a.Qualification).Distinct()], clock.GetUtcNow())).ToLookup(s => s.Qualification);
        Appeals = await queries.AppealsAsync();
        Reviewers = await queries.ReviewersAsync();
        Names = await queries.NamesAsync([.. Appeals.SelectMany(a => a.Panel), .. Appeals.Select(a => a.ReviewerId).OfType<Guid>(), .. Reviewers.Select(r => r.Id)]);
    }
}
