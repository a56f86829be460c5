using System.Security.Claims;
using Certification.Crm.Import;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Import;

/// <summary>The report of one import batch, row by row, and its commit: possible only when every row is right.</summary>
public sealed class BatchModel(IGrainFactory grains, CustomFieldQueries customFields) : PageModel
{
    public ImportBatchView Batch { get; private set; } = null!;

    /// <summary>The custom fields' names, for problems with a field that has no column in the file (it became required since).</summary>
    private Dictionary<Guid, string> _fieldNames = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await grains.GetGrain<IImportBatchGrain>(id).GetAsync() is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        _fieldNames = (await customFields.FieldsAsync()).ToDictionary(f => f.Id, f => f.Name);
        return Page();
    }

    /// <summary>The report's columns: the kind's own, then the custom fields' as the file had them.</summary>
    public IEnumerable<string> ColumnNames() =>
        ImportColumns.For(Batch.Kind).Select(ImportText.ColumnName).Concat(Batch.CustomColumns.Select(c => c.Name));

    /// <summary>The column a problem concerns: a custom field's by its id, or one of the kind's own.</summary>
    public string? ColumnOf(ImportProblem problem) =>
        Guid.TryParse(problem.Field, out var field)
            ? Batch.CustomColumns.FirstOrDefault(c => c.FieldId == field)?.Name ?? _fieldNames.GetValueOrDefault(field)
            : ImportText.ColumnOf(Batch.Kind, problem.Field);

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
        var isPesel = Batch.Kind == ImportKind.People && column < ImportColumns.People.Count && ImportColumns.People[column].Field == "Pesel";
        return isPesel && value.Length > 6 && row.Problems.All(p => p.Field != "Pesel") ? value[..6] + "•••••" : value;
    }
}
