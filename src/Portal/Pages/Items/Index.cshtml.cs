using Certification.Items;
using Certification.Items.Qti;
using Certification.Portal.Items;
using Certification.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Items;

public sealed class IndexModel(ItemQueries queries, IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    public string Qualification { get; } = ItemBanks.Default;

    public IReadOnlyList<string> Outcomes { get; private set; } = [];

    public IReadOnlyList<ItemListItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var definition = await grains.GetGrain<IQualificationGrain>(Qualification).GetAsync();
        Outcomes = [.. definition?.TheoryTestOutcomes().Select(o => o.Id) ?? []];
        Items = await queries.SearchAsync(Qualification, Search, Outcome, Retired);
    }

    /// <summary>The whole active bank as an IMS QTI 2.1 package, for TAO, Moodle or a backup.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var items = await grains.GetGrain<IItemBankGrain>(Qualification).ActiveAsync();
        var package = QtiPackage.Export(Qualification, [.. items.Select(i => (i.ItemId, i.Version.Content))]);
        return File(package, "application/zip", $"{Qualification}-qti21-{DateTime.UtcNow:yyyyMMdd}.zip");
    }
}
