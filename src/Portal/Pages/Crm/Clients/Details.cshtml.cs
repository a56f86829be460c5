using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class DetailsModel(IGrainFactory grains, CrmQueries queries, Caretakers caretakers) : PageModel
{
    public ClientSnapshot? Client { get; private set; }

    /// <summary>The account managers who look after the client.</summary>
    public IReadOnlyList<CaretakerItem> Caretakers { get; private set; } = [];

    public Page<PersonListItem> People { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    /// <summary>A calendar year whose staff to list from the employment history ("who worked here in 2025").</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<StaffListItem> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var scope = CrmScope.For(User);
        Client = scope.CanRead(id) ? await grains.GetGrain<IClientGrain>(id).GetAsync() : null;
        if (Client is null)
        {
            return NotFound();
        }

        Caretakers = await caretakers.OfClientAsync(id);
        People = await queries.PeopleAsync(scope, null, id, 1);
        if (Year is >= 1900 and <= 9999)
        {
            Staff = await queries.StaffAsync(scope, id, new DateOnly(Year.Value, 1, 1), new DateOnly(Year.Value, 12, 31));
        }

        return Page();
    }
}
