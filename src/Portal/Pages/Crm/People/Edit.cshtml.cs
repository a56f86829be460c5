using System.Security.Claims;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class EditModel(IGrainFactory grains, CrmQueries queries, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await grains.GetGrain<IPersonGrain>(Id).GetAsync() is not { } person)
        {
            return NotFound();
        }

        Form = PersonForm.From(person);
        await LoadClientsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await grains.GetGrain<IPersonGrain>(Id).UpdateAsync(Form.Version, Form.ToDetails(), null, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id = Id });
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.For(User));
}
