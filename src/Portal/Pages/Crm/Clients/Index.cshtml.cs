using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class IndexModel(CrmQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ClientKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<ClientListItem> Result { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    public async Task OnGetAsync() =>
        Result = await queries.ClientsAsync(CrmScope.For(User), Search, Kind, PageNumber);
}
