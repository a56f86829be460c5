using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

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
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<PersonListItem> Result { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    public async Task OnGetAsync()
    {
        Fields = await customFields.FieldsOfAsync(CustomFieldEntity.Person);
        var filter = CustomFieldQueries.Normalize(Fields.FirstOrDefault(f => f.Id == Field), FieldValue);
        Columns = [.. Fields.Where(f => f.ShowOnLists)];
        Result = await queries.PeopleAsync(CrmScope.For(User), Search, ClientId, PageNumber, field: filter, columns: [.. Columns.Select(f => f.Id)]);
    }
}
