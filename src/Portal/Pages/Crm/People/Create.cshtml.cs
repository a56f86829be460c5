using System.Security.Claims;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class CreateModel(IGrainFactory grains, CrmQueries queries, DuplicateFinder duplicates, ErrorText errors) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    /// <summary>The user has seen the possible duplicates and says this is someone else.</summary>
    [BindProperty]
    public bool NotADuplicate { get; set; }

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(Guid? clientId)
    {
        Form.ClientId = clientId;
        await LoadClientsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!NotADuplicate)
        {
            Duplicates = await duplicates.PeopleLikeAsync(Form.ToDetails());
            if (Duplicates.Count > 0)
            {
                await LoadClientsAsync();
                return Page();
            }
        }

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IPersonGrain>(id).CreateAsync(Form.ToDetails(), null, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.For(User));
}
