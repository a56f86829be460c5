using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class IndexModel(CrmQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<PersonListItem> Result { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    public async Task OnGetAsync() =>
        Result = await queries.PeopleAsync(CrmScope.For(User), Search, ClientId, PageNumber);
}
