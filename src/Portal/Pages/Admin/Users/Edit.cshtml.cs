using System.Security.Claims;
using Certification.Common;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Admin.Users;

public sealed class EditModel(
    UserStore users, AccountAdministration accounts, CrmQueries queries, Caretakers caretakers, ErrorText errors, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    /// <summary>The clients in the account's care, when it is an account manager's (or was).</summary>
    public IReadOnlyList<CaredClient> CaredFor { get; private set; } = [];

    public bool IsAccountManager { get; private set; }

    public string? CaretakerMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Form = AccountForm.From(account);
        await LoadClientsAsync();
        await LoadCaredForAsync(account);
        return Page();
    }

    /// <summary>Gives a client into this account manager's care: the same change as on the client's page, from the other side.</summary>
    public Task<IActionResult> OnPostAssignAsync(Guid clientId) => ChangeCaretakerAsync(() => caretakers.AssignAsync(clientId, Id, Actor));

    public Task<IActionResult> OnPostRemoveAsync(Guid clientId) => ChangeCaretakerAsync(() => caretakers.RemoveAsync(clientId, Id, Actor));

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

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ChangeCaretakerAsync(Func<Task<CommandResult>> change)
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return NotFound();
        }

        var result = await change();
        if (result.Succeeded)
        {
            return RedirectToPage(new { Id });
        }

        Form = AccountForm.From(account);
        await LoadClientsAsync();
        await LoadCaredForAsync(account);
        CaretakerMessage = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.All);

    private async Task LoadCaredForAsync(UserAccount account)
    {
        IsAccountManager = account.Roles.Contains(Roles.AccountManager);
        CaredFor = await caretakers.ClientsOfAsync(account.Id);
    }
}
