using System.Security.Claims;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.Trainings;

/// <summary>
/// One training as a partner administrator sees it: its facts, their own people on it, and enrolment
/// or resignation of their people while enrolment is open. Others' participants are never shown.
/// </summary>
public sealed class DetailsModel(IGrainFactory grains, TrainingQueries queries, CrmQueries crm, ErrorText errors, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrderSnapshot Order { get; private set; } = null!;

    public TrainingLocation? Location { get; private set; }

    /// <summary>The organisation's people on the order, in any state.</summary>
    public IReadOnlyList<(Enrolment Enrolment, string Name)> Ours { get; private set; } = [];

    /// <summary>The organisation's people who can still be enrolled.</summary>
    public IReadOnlyList<PersonListItem> Candidates { get; private set; } = [];

    public string? Message { get; private set; }

    private Guid Client => CrmScope.For(User).ClientId!.Value;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(Guid personId) =>
        await LoadAsync() ? await ShowAsync((await Grain.EnrolAsync(personId, EnrolmentSource.Partner, Client, Actor)).Result) : NotFound();

    public async Task<IActionResult> OnPostResignAsync(Guid personId) =>
        await LoadAsync() ? await ShowAsync(await Grain.ResignAsync(personId, EnrolmentSource.Partner, Client, Actor)) : NotFound();

    public async Task<IActionResult> OnGetCalendarAsync() =>
        await LoadAsync()
            ? File(TrainingCalendar.Write(Id, Order.Details, Location, clock.GetUtcNow()), TrainingCalendar.ContentType, "szkolenie.ics")
            : NotFound();

    private ITrainingOrderGrain Grain => grains.GetGrain<ITrainingOrderGrain>(Id);

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ShowAsync(Certification.Common.CommandResult result)
    {
        if (result.Succeeded)
        {
            return RedirectToPage(new { Id });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        await LoadAsync();
        return Page();
    }

    // An order the organisation may not see does not exist for them: 404, not 403, so ids cannot be probed.
    private async Task<bool> LoadAsync()
    {
        if (!await queries.IsVisibleToAsync(Id, Client) || await Grain.GetAsync() is not { } order)
        {
            return false;
        }

        Order = order;
        Location = (await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations.FirstOrDefault(l => l.Id == order.Details.LocationId);
        var ours = order.Enrolments.Where(e => e.ClientId == Client).ToList();
        var names = await queries.PeopleAsync(ours.Select(e => e.PersonId));
        Ours = [.. ours.Select(e => (e, names.TryGetValue(e.PersonId, out var n) ? n.Full : string.Empty)).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
        var active = ours.Where(e => e.Status != EnrolmentStatus.Resigned).Select(e => e.PersonId).ToHashSet();
        var scope = CrmScope.For(User);
        Candidates = [.. (await crm.PeopleAsync(scope, null, Client, 1, pageSize: 500)).Items.Where(p => !active.Contains(p.Id))];
        return true;
    }
}
