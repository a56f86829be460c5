using System.Security.Claims;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>A partner administrator keeps their current people's data up to date; the person grain refuses anyone else's.</summary>
public sealed class EditModel(IGrainFactory grains, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    private Guid Client => CrmScope.For(User).ClientId!.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await grains.GetGrain<IPersonGrain>(Id).GetAsync() is not { } person || person.Details.ClientId != Client)
        {
            return NotFound();
        }

        Form = PersonForm.From(person);
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true);
        Custom = await customFields.ValuesAsync(Id, Fields);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Form.ClientId = Client;
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(PersonRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            return Page();
        }

        var result = await grains.GetGrain<IPersonGrain>(Id).UpdateAsync(Form.Version, Form.ToDetails(), CrmScope.For(User).Grants, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (result.Errors.Any(e => e.Code == PersonGrain.OutOfScope))
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Person, Id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            return Page();
        }

        return RedirectToPage("Details", new { id = Id });
    }
}
