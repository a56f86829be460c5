using System.Security.Claims;
using Certification.Consents;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Consents;

/// <summary>
/// A person's consents: the current state, the whole history, and recording a new decision. An account manager sees
/// the consents of their clients' people; recording a decision is the office's, which answers for the consents.
/// </summary>
public sealed class IndexModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PersonSnapshot Person { get; private set; } = null!;

    public ConsentSnapshot Consents { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool MayRecord => CrmScope.For(User).AllClients;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>A decision the person told us (by phone, on paper, by e-mail), with how we learnt it.</summary>
    public async Task<IActionResult> OnPostAsync(ConsentPurpose purpose, bool given, string? source)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!MayRecord)
        {
            return Forbid();
        }

        var result = await grains.GetGrain<IPersonConsentsGrain>(Id).RecordAsync(purpose, given, source ?? string.Empty, Actor);
        if (!result.Succeeded)
        {
            Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
            return Page();
        }

        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!MayRecord)
        {
            return Forbid();
        }

        await grains.GetGrain<IPersonConsentsGrain>(Id).UnsubscribeAsync("biuro", Actor);
        return RedirectToPage(new { Id });
    }

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync()
    {
        if (await grains.GetGrain<IPersonGrain>(Id).GetAsync() is not { } person || !CrmScope.For(User).CanRead(person.Details.ClientId))
        {
            return false;
        }

        Person = person;
        Consents = await grains.GetGrain<IPersonConsentsGrain>(Id).GetAsync();
        return true;
    }
}
