using Certification.Crm;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class DetailsModel(IGrainFactory grains, CrmQueries queries) : PageModel
{
    public PersonSnapshot? Person { get; private set; }

    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Person = await grains.GetGrain<IPersonGrain>(id).GetAsync();
        if (Person is null)
        {
            return NotFound();
        }

        ClientNames = await queries.ClientNamesAsync(Person.Employments.Select(e => e.ClientId));
        return Page();
    }

    public string? ClientName => Person?.Details.ClientId is { } clientId ? ClientNames.GetValueOrDefault(clientId) : null;
}
