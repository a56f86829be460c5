using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Certification.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Certification.Portal.Pages.Exams.Sessions;

public sealed class CreateModel(IGrainFactory grains, UserStore users, ErrorText errors) : PageModel
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public IReadOnlyList<SelectListItem> Qualifications { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Operators { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Form.StartsAt = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Warsaw).Date.AddDays(7).AddHours(9);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = Guid.NewGuid();
        var startsAt = new DateTimeOffset(Form.StartsAt, Warsaw.GetUtcOffset(Form.StartsAt));
        var result = await grains.GetGrain<IExamSessionGrain>(id).ScheduleAsync(
            new SessionDetails(Form.Qualification ?? string.Empty, Form.Title ?? string.Empty, startsAt, Form.Room, Form.OperatorId ?? Guid.Empty, Form.ShowResultAtOnce));
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            await LoadAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync()
    {
        Qualifications = [.. QualificationDefinitions.Embedded().Select(q => new SelectListItem(q.Name.Pl, q.Code))];
        Operators = [.. (await users.WithRoleAsync(Roles.ExamOperator)).Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id.ToString()))];
    }

    public sealed class SessionForm
    {
        public string? Title { get; set; }
        public string? Qualification { get; set; }
        public DateTime StartsAt { get; set; }
        public string? Room { get; set; }
        public Guid? OperatorId { get; set; }
        public bool ShowResultAtOnce { get; set; } = true;
    }
}
