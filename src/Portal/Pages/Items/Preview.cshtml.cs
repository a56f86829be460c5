using Certification.Items;
using Certification.Portal.Items;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Items;

public sealed class PreviewModel(IGrainFactory grains) : PageModel
{
    public BankItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Item = await grains.GetGrain<IItemBankGrain>(ItemBanks.Default).GetAsync(id);
        return Item is null ? NotFound() : Page();
    }
}
