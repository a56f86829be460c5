using Certification.Portal.Certificates;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates.Admin;

/// <summary>The renewal requests waiting for a reviewer (the office: training or system administrators), oldest first.</summary>
public sealed class RenewalsModel(RenewalQueries renewals) : PageModel
{
    public IReadOnlyList<RenewalListItem> Open { get; private set; } = [];

    public async Task OnGetAsync() => Open = await renewals.OpenAsync();
}
