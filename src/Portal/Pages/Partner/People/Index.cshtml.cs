using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>The partner administrator's view of their own organisation's people; the scope comes from their account, never from the URL.</summary>
public sealed class IndexModel(CrmQueries queries, IGrainFactory grains, CustomFieldForms customFields) : PageModel
{
    /// <summary>The fields shown as columns: those of the list that are shown in the extranet.</summary>
    public IReadOnlyList<CustomFieldDefinition> Columns { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string? ClientName { get; private set; }

    public Page<PersonListItem> Result { get; private set; } = new([], 0, 1, CrmQueries.PageSize);

    /// <summary>People who worked here and have left: kept by the history, no longer current staff.</summary>
    public IReadOnlyList<StaffListItem> Former { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var scope = CrmScope.For(User);
        ClientName = (await grains.GetGrain<IClientGrain>(scope.ClientId!.Value).GetAsync())?.Details.Name;
        Columns = [.. (await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true)).Where(f => f.ShowOnLists)];
        Result = await queries.PeopleAsync(scope, Search, scope.ClientId, PageNumber, columns: [.. Columns.Select(f => f.Id)]);
        Former = [.. (await queries.StaffAsync(scope, scope.ClientId!.Value, null, null)).Where(p => !p.Current)];
    }
}
