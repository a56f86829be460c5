using System.Security.Claims;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>A partner administrator adds someone to their own organisation: the organisation comes from their account, never from the form.</summary>
public sealed class CreateModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var client = CrmScope.For(User).ClientId!.Value;
        Form.ClientId = client;
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IPersonGrain>(id).CreateAsync(Form.ToDetails(), client, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }
}
