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
            // A record merged into another leads to the person it became.
            return await grains.GetGrain<IPersonGrain>(id).GetTombstoneAsync() is { } tombstone
                ? RedirectToPage("Details", new { id = tombstone.SurvivorId })
                : NotFound();
        }

        ClientNames = await queries.ClientNamesAsync(Person.AllEmployments().Select(e => e.ClientId));
        ViewData["EmploymentOrigins"] = Person.Merges.ToDictionary(m => m.AbsorbedId, m => m.AbsorbedName);
        return Page();
    }

    public string? ClientName => Person?.Details.ClientId is { } clientId ? ClientNames.GetValueOrDefault(clientId) : null;
}
