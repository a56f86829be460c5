using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class IndexModel(CrmQueries queries, CustomFieldQueries customFields) : PageModel
{
    /// <summary>A custom field to search by, with <see cref="FieldValue"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FieldValue { get; set; }

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    /// <summary>The fields shown as columns; each row carries its values of them.</summary>
    public IReadOnlyList<CustomFieldDefinition> Columns { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ClientKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<ClientListItem> Result { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    public async Task OnGetAsync()
    {
        Fields = await customFields.FieldsOfAsync(CustomFieldEntity.Client);
        Columns = [.. Fields.Where(f => f.ShowOnLists)];
        var filter = CustomFieldQueries.Normalize(Fields.FirstOrDefault(f => f.Id == Field), FieldValue);
        Result = await queries.ClientsAsync(CrmScope.For(User), Search, Kind, PageNumber, filter, [.. Columns.Select(f => f.Id)]);
    }
}
