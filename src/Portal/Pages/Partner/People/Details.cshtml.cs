using Certification.Crm;
using Certification.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

public sealed class DetailsModel(IGrainFactory grains) : PageModel
{
    public PersonSnapshot? Person { get; private set; }

    public string? ClientName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var scope = CrmScope.For(User);
        Person = await grains.GetGrain<IPersonGrain>(id).GetAsync();

        // Someone from another organisation is answered exactly like someone who does not exist.
        if (Person is null || !scope.CanRead(Person.Details.ClientId))
        {
            return NotFound();
        }

        ClientName = (await grains.GetGrain<IClientGrain>(scope.ClientId!.Value).GetAsync())?.Details.Name;
        return Page();
    }
}
