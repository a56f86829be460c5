using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Assessor;

/// <summary>
/// An assessor declares a conflict of interest with a candidate (a relative, an employer, a personal relation):
/// from then on they cannot be put on that candidate's panel nor review their appeal, and they are withdrawn from a panel
/// of that candidate they already sit on whose decision is not final (<see cref="PanelConflicts.DeclareAsync"/>).
/// </summary>
public sealed class ConflictsModel(AssessmentQueries queries, PanelConflicts conflicts, ErrorText errors, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<PersonOption> Candidates { get; private set; } = [];

    public IReadOnlyList<DeclaredConflict> Declared { get; private set; } = [];

    [BindProperty]
    public Guid? CandidateId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool Linked { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (User.StaffPerson() is not { } me)
        {
            return Forbid();
        }

        if (CandidateId is not { } candidate || Candidates.All(c => c.Id != candidate))
        {
            ModelState.AddModelError(nameof(CandidateId), text["Wybierz kandydata z listy."]);
            return Page();
        }

        if (await conflicts.DeclareAsync(me, candidate, Reason, User.Actor()) is { } error)
        {
            ModelState.AddModelError(nameof(Reason), errors.For(error));
            return Page();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Candidates = await queries.UndecidedCandidatesAsync();
        if (User.StaffPerson() is { } me)
        {
            Linked = true;
            Declared = await queries.ConflictsOfAsync(me);
        }
    }
}
