using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Admin.Users;

public sealed class EditModel(UserStore users, AccountAdministration accounts, CrmQueries queries, ErrorText errors, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Form = AccountForm.From(account);
        await LoadClientsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.FindByIdAsync(Id) is null)
        {
            return NotFound();
        }

        var problems = await accounts.UpdateAsync(Id, Form.ToDetails(), Form.Password);
        if (problems.Count > 0)
        {
            ModelState.AddErrors(problems, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        logger.LogInformation("User {Admin} changed account {AccountId}: roles {Roles}, disabled {Disabled}", User.Identity?.Name, Id, Form.Roles, Form.IsDisabled);
        return RedirectToPage("Index");
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(new CrmScope(true, null));
}
