using Certification.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class DetailsModel(IGrainFactory grains) : PageModel
{
    public PersonSnapshot? Person { get; private set; }

    public string? ClientName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Person = await grains.GetGrain<IPersonGrain>(id).GetAsync();
        if (Person is null)
        {
            return NotFound();
        }

        if (Person.Details.ClientId is { } clientId)
        {
            ClientName = (await grains.GetGrain<IClientGrain>(clientId).GetAsync())?.Details.Name;
        }

        return Page();
    }
}
