using System.Security.Claims;
using Certification.Exams;
using Certification.Portal.Exams;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.ExamOperator;

public sealed class IndexModel(ExamQueries queries, IGrainFactory grains, ErrorText errors) : PageModel
{
    public IReadOnlyList<SessionListItem> Sessions { get; private set; } = [];

    public string? Message { get; private set; }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync() => Sessions = await queries.ForOperatorAsync(Me);

    public Task<IActionResult> OnPostOpenAsync(Guid id) => ActAsync(id, session => session.OpenAsync(Me.ToString()));

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ActAsync(id, session => session.CloseAsync(Me.ToString()));

    private async Task<IActionResult> ActAsync(Guid id, Func<IExamSessionGrain, Task<Common.CommandResult>> action)
    {
        var grain = grains.GetGrain<IExamSessionGrain>(id);
        if (await grain.GetAsync() is not { } session || session.Details.OperatorId != Me)
        {
            return NotFound();
        }

        var result = await action(grain);
        if (result.Succeeded)
        {
            return RedirectToPage();
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        Sessions = await queries.ForOperatorAsync(Me);
        return Page();
    }
}
