using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Fields;

/// <summary>The custom-field values of one client or person.</summary>
public sealed class ValuesModel(IGrainFactory grains, CustomFieldQueries fields, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CustomFieldEntity Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Dictionary<Guid, string?> Values { get; set; } = [];

    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Values = (await grains.GetGrain<ICustomValuesGrain>(Id).GetAsync()).ToDictionary(v => v.Key, v => (string?)v.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await grains.GetGrain<ICustomValuesGrain>(Id).SetAsync(
            Entity, Values.Where(v => Fields.Any(f => f.Id == v.Key)).ToDictionary(), CrmScope.For(User).Grants);
        if (result.Succeeded)
        {
            return Redirect(Entity == CustomFieldEntity.Person ? $"/Crm/People/Details/{Id}" : $"/Crm/Clients/Details/{Id}");
        }

        if (result.Errors.Any(e => e.Code == CustomValuesGrain.OutOfScope))
        {
            return NotFound();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"Values[{error.Field}]", errors.For(error.Code));
        }

        return Page();
    }

    /// <summary>Finds the client or person; false when there is none within the caller's scope.</summary>
    private async Task<bool> LoadAsync()
    {
        var scope = CrmScope.For(User);
        string? name = Entity switch
        {
            CustomFieldEntity.Person => (await grains.GetGrain<IPersonGrain>(Id).GetAsync())?.Details is { } p && scope.CanRead(p.ClientId) ? $"{p.FirstName} {p.LastName}" : null,
            CustomFieldEntity.Client => scope.CanRead(Id) ? (await grains.GetGrain<IClientGrain>(Id).GetAsync())?.Details.Name : null,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        Name = name;
        Fields = await fields.FieldsOfAsync(Entity);
        return true;
    }
}
