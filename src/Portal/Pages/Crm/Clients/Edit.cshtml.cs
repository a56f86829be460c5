using Certification.Crm;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class EditModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await grains.GetGrain<IClientGrain>(Id).GetAsync() is not { } client)
        {
            return NotFound();
        }

        Form = ClientForm.From(client);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await grains.GetGrain<IClientGrain>(Id).UpdateAsync(Form.Version, Form.ToDetails());
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        return RedirectToPage("Details", new { id = Id });
    }
}
