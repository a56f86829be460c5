using System.Globalization;
using System.Security.Claims;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Orders;

/// <summary>One training order for the office: phase, participants and waiting list, attendance, record.</summary>
public sealed class DetailsModel(IGrainFactory grains, TrainingQueries queries, CrmQueries crm, ErrorText errors, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public OrderSnapshot Order { get; private set; } = null!;

    public TrainingLocation? Location { get; private set; }

    public IReadOnlyDictionary<Guid, PersonName> People { get; private set; } = new Dictionary<Guid, PersonName>();

    public IReadOnlyList<PersonListItem> Found { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveAsync(string phase) =>
        RunAsync(order => order.MoveToAsync(phase, Actor));

    public Task<IActionResult> OnPostEnrolAsync(Guid personId) =>
        RunAsync(async order => (await order.EnrolAsync(personId, EnrolmentSource.Office, null, Actor)).Result);

    public Task<IActionResult> OnPostResignAsync(Guid personId) =>
        RunAsync(order => order.ResignAsync(personId, EnrolmentSource.Office, null, Actor));

    public Task<IActionResult> OnPostCertificatesAsync() =>
        RunAsync(order => order.IssueCertificatesAsync(Actor));

    /// <summary>Participants who earned a certificate and have none yet.</summary>
    public int CertificatesDue() =>
        Order.Enrolments.Count(e => TrainingOrderRules.EarnsCertificate(Order.Details, e) && Order.Certificates.All(c => c.PersonId != e.PersonId));

    public IssuedCertificate? CertificateOf(Guid person) => Order.Certificates.FirstOrDefault(c => c.PersonId == person);

    /// <summary>The attendance grid: every box is "day|person"; each meeting day is recorded as a whole.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(List<string> present)
    {
        var order = grains.GetGrain<ITrainingOrderGrain>(Id);
        if (await order.GetAsync() is not { } snapshot)
        {
            return NotFound();
        }

        var marks = present.Select(p => p.Split('|')).Where(p => p.Length == 2).ToList();
        foreach (var meeting in snapshot.Details.Meetings)
        {
            var day = meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var people = marks.Where(m => m[0] == day && Guid.TryParse(m[1], out _)).Select(m => Guid.Parse(m[1])).ToList();
            var result = await order.RecordAttendanceAsync(meeting.Date, people, Actor);
            if (!result.Succeeded)
            {
                return await ShowAsync(result);
            }
        }

        return RedirectToPage(new { Id });
    }

    /// <summary>The order's days as an iCalendar file.</summary>
    public async Task<IActionResult> OnGetCalendarAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return File(TrainingCalendar.Write(Id, Order.Details, Location, clock.GetUtcNow()), TrainingCalendar.ContentType, "szkolenie.ics");
    }

    public IEnumerable<Enrolment> Participants() =>
        Order.Enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).OrderBy(e => NameOf(e.PersonId), StringComparer.CurrentCulture);

    public IEnumerable<Enrolment> Resigned() => Order.Enrolments.Where(e => e.Status == EnrolmentStatus.Resigned);

    public string NameOf(Guid person) => People.TryGetValue(person, out var name) ? name.Full : person.ToString();

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> RunAsync(Func<ITrainingOrderGrain, Task<Certification.Common.CommandResult>> command)
    {
        var result = await command(grains.GetGrain<ITrainingOrderGrain>(Id));
        return result.Succeeded ? RedirectToPage(new { Id, Search }) : await ShowAsync(result);
    }

    private async Task<IActionResult> ShowAsync(Certification.Common.CommandResult result)
    {
        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        if (await grains.GetGrain<ITrainingOrderGrain>(Id).GetAsync() is not { } order)
        {
            return false;
        }

        Order = order;
        var setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        Location = setup.Locations.FirstOrDefault(l => l.Id == order.Details.LocationId);
        var ids = order.Enrolments.Select(e => e.PersonId).Concat(order.Invited);
        if (order.Details.TrainerId is { } trainer)
        {
            ids = ids.Append(trainer);
        }

        People = await queries.PeopleAsync(ids);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var taken = order.Enrolments.Where(e => e.Status != EnrolmentStatus.Resigned).Select(e => e.PersonId).ToHashSet();
            Found = [.. (await crm.PeopleAsync(CrmScope.All, Search, null, 1)).Items.Where(p => !taken.Contains(p.Id))];
        }

        return true;
    }
}
