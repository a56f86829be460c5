using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class DetailsModel(IGrainFactory grains, CrmQueries queries) : PageModel
{
    public PersonSnapshot? Person { get; private set; }

    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The periods at clients the caller reaches: an account manager does not learn where else someone worked.</summary>
    public IReadOnlyList<Employment> Employments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var scope = CrmScope.For(User);
        Person = await grains.GetGrain<IPersonGrain>(id).GetAsync();
        if (Person is null || !scope.CanRead(Person.Details.ClientId))
        {
            // A record merged into another leads to the person it became.
            return await grains.GetGrain<IPersonGrain>(id).GetTombstoneAsync() is { } tombstone
                ? RedirectToPage("Details", new { id = tombstone.SurvivorId })
                : NotFound();
        }

        Employments = [.. Person.AllEmployments().Where(e => scope.CanRead(e.ClientId))];
        ClientNames = await queries.ClientNamesAsync(Employments.Select(e => e.ClientId));
        ViewData["EmploymentOrigins"] = Person.Merges.ToDictionary(m => m.AbsorbedId, m => m.AbsorbedName);
        return Page();
    }

    public string? ClientName => Person?.Details.ClientId is { } clientId ? ClientNames.GetValueOrDefault(clientId) : null;
}
