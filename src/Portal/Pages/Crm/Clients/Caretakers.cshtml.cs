using System.Security.Claims;
using Certification.Common;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

/// <summary>The office gives a client into the care of account managers or takes it from them (training administrators only).</summary>
public sealed class CaretakersModel(IGrainFactory grains, Caretakers caretakers, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ClientSnapshot Client { get; private set; } = null!;

    public IReadOnlyList<CaretakerItem> Current { get; private set; } = [];

    /// <summary>Account managers not yet looking after the client.</summary>
    public IReadOnlyList<UserAccount> Available { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(Guid accountId) => ChangeAsync(() => caretakers.AssignAsync(Id, accountId, Actor));

    public Task<IActionResult> OnPostRemoveAsync(Guid accountId) => ChangeAsync(() => caretakers.RemoveAsync(Id, accountId, Actor));

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ChangeAsync(Func<Task<CommandResult>> change)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await change();
        if (result.Succeeded)
        {
            return RedirectToPage(new { Id });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await grains.GetGrain<IClientGrain>(Id).GetAsync() is not { } client)
        {
            return false;
        }

        Client = client;
        Current = await caretakers.OfClientAsync(Id);
        Available = [.. (await caretakers.CandidatesAsync()).Where(a => Current.All(c => c.AccountId != a.Id))];
        return true;
    }
}
