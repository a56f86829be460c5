using System.Security.Claims;
using System.Text;
using Certification.Crm.Import;
using Certification.CustomFields;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Import;

/// <summary>
/// Uploads a file of clients or people and has it checked into a new import batch; the batch's page shows the
/// report and commits it. A file that cannot be read as a whole is refused here and nothing is kept.
/// </summary>
// A little above the file limit, so a file just over it gets our message rather than the server's refusal.
[RequestSizeLimit(ImportFile.MaxBytes + 1_000_000)]
public sealed class IndexModel(IGrainFactory grains, CrmImportDirectory directory, CustomFieldQueries customFields, ImportText words) : PageModel
{
    [BindProperty]
    public ImportKind Kind { get; set; } = ImportKind.People;

    public string? FileError { get; private set; }

    public IReadOnlyList<ImportBatchListItem> Recent { get; private set; } = [];

    /// <summary>The custom fields in use of each kind's records: each is a column of its own, named as the field.</summary>
    public IReadOnlyDictionary<ImportKind, IReadOnlyList<CustomFieldDefinition>> Fields { get; private set; } =
        new Dictionary<ImportKind, IReadOnlyList<CustomFieldDefinition>>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetTemplateAsync(ImportKind kind)
    {
        var columns = ImportColumns.With(kind, await customFields.FieldsOfAsync(ImportColumns.EntityOf(kind)));
        var header = string.Join(';', columns.Select(c => c.Polish)) + "\r\n";

        // The byte order mark makes Excel open the template as UTF-8, so the Polish letters survive a save.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(header)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", kind == ImportKind.Clients ? "klienci-szablon.csv" : "osoby-szablon.csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (!Enum.IsDefined(Kind))
        {
            Kind = ImportKind.People;
        }

        var fields = await customFields.FieldsOfAsync(ImportColumns.EntityOf(Kind));
        ImportFileResult read;
        if (file is null || file.Length == 0)
        {
            read = ImportFileResult.Failed(ImportFile.Empty);
        }
        else if (file.Length > ImportFile.MaxBytes)
        {
            read = ImportFileResult.Failed(ImportFile.TooLarge);
        }
        else
        {
            await using var stream = file.OpenReadStream();
            read = ImportFile.Read(ImportColumns.With(Kind, fields), file.FileName, stream);
        }

        if (read.ErrorCode is { } code)
        {
            FileError = words.File(code, read.Detail);
            await LoadAsync();
            return Page();
        }

        var id = Guid.NewGuid();
        var who = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "?";
        await grains.GetGrain<IImportBatchGrain>(id).PrepareAsync(
            Kind, Path.GetFileName(file!.FileName), [.. fields.Select(f => new ImportCustomColumn(f.Id, f.Name))], read.Rows, who);
        return RedirectToPage("Batch", new { id });
    }

    private async Task LoadAsync()
    {
        Recent = await directory.RecentAsync(50);
        Fields = new Dictionary<ImportKind, IReadOnlyList<CustomFieldDefinition>>
        {
            [ImportKind.Clients] = await customFields.FieldsOfAsync(CustomFieldEntity.Client),
            [ImportKind.People] = await customFields.FieldsOfAsync(CustomFieldEntity.Person),
        };
    }
}
