using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>
/// One of the organisation's people: current staff with their data, former staff with their time here only
/// (where they went and how to reach them now is no longer the organisation's business).
/// </summary>
public sealed class DetailsModel(IGrainFactory grains, CrmQueries queries, CustomFieldForms customFields) : PageModel
{
    /// <summary>The custom fields shown in the extranet, with the person's values of them.</summary>
    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string?> Values { get; private set; } = new Dictionary<Guid, string?>();

    public PersonSnapshot? Person { get; private set; }

    public bool IsCurrent { get; private set; }

    public IReadOnlyList<Employment> Records { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var client = CrmScope.For(User).ClientId!.Value;
        Person = await grains.GetGrain<IPersonGrain>(id).GetAsync();
        Records = Person is null ? [] : [.. Person.Employments.Where(e => e.ClientId == client)];

        // Someone who never worked here is answered exactly like someone who does not exist.
        if (Person is null || Records.Count == 0)
        {
            return NotFound();
        }

        IsCurrent = Person.Details.ClientId == client;
        ClientNames = await queries.ClientNamesAsync([client]);
        ViewData["ClientName"] = ClientNames.GetValueOrDefault(client);
        if (IsCurrent)
        {
            Fields = await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true);
            Values = await customFields.ValuesAsync(id, Fields);
        }

        return Page();
    }
}
