using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class DetailsModel(IGrainFactory grains, CrmQueries queries) : PageModel
{
    public ClientSnapshot? Client { get; private set; }

    public Page<PersonListItem> People { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Client = await grains.GetGrain<IClientGrain>(id).GetAsync();
        if (Client is null)
        {
            return NotFound();
        }

        People = await queries.PeopleAsync(CrmScope.For(User), null, id, 1);
        return Page();
    }
}
