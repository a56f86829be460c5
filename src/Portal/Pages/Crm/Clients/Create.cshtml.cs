using Certification.Crm;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class CreateModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IClientGrain>(id).CreateAsync(Form.ToDetails());
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }
}
