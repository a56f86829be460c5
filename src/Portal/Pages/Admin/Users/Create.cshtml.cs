using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Admin.Users;

public sealed class CreateModel(AccountAdministration accounts, CrmQueries queries, ErrorText errors, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public async Task OnGetAsync() => await LoadClientsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (id, problems) = await accounts.CreateAsync(Form.ToDetails(), Form.Password);
        if (id is null)
        {
            ModelState.AddErrors(problems, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        logger.LogInformation("User {Admin} created account {AccountId} with roles {Roles}", User.Identity?.Name, id, Form.Roles);
        return RedirectToPage("Index");
    }

    // Any client may be the scope of a partner administrator, so the administrator sees them all.
    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.All);
}
