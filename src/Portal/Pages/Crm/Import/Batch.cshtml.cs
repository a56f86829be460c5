using System.Security.Claims;
using Certification.Crm.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Import;

/// <summary>The report of one import batch, row by row, and its commit: possible only when every row is right.</summary>
public sealed class BatchModel(IGrainFactory grains) : PageModel
{
    public ImportBatchView Batch { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await grains.GetGrain<IImportBatchGrain>(id).GetAsync() is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var grain = grains.GetGrain<IImportBatchGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return NotFound();
        }

        await grain.CommitAsync(User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "?");
        return RedirectToPage(new { id });
    }

    public Guid EntityId(int line) => ImportBatchGrain.EntityId(Batch.Id, line);

    /// <summary>
    /// A value as the report shows it. A valid PESEL is shortened as on a person's page (the birth date part only);
    /// a wrong one is shown whole, since the user has to find the typo.
    /// </summary>
    public string Shown(ImportRowResult row, int column)
    {
        var value = row.Values[column];
        var isPesel = Batch.Kind == ImportKind.People && ImportColumns.People[column].Field == "Pesel";
        return isPesel && value.Length > 6 && row.Problems.All(p => p.Field != "Pesel") ? value[..6] + "•••••" : value;
    }
}
