using Certification.Crm;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Admin;

public sealed class ProjectionsModel(CrmProjectionRebuilder rebuilder) : PageModel
{
    public ProjectionRebuildReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync() => Report = await rebuilder.RebuildAsync(HttpContext.RequestAborted);
}
