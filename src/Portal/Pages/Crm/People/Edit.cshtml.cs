using System.Security.Claims;
using Certification.Common;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class EditModel(IGrainFactory grains, CrmQueries queries, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await grains.GetGrain<IPersonGrain>(Id).GetAsync() is not { } person || !CrmScope.For(User).CanRead(person.Details.ClientId))
        {
            return NotFound();
        }

        Form = PersonForm.From(person);
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person);
        Custom = await customFields.ValuesAsync(Id, Fields);
        await LoadClientsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // As on creating (see CustomFieldForms): custom values checked first, then the person, then the values.
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(PersonRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        var result = await grains.GetGrain<IPersonGrain>(Id).UpdateAsync(Form.Version, Form.ToDetails(), CrmScope.For(User).Grants, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (result.Errors.Any(e => e.Field == "Id" && e.Code is PersonGrain.OutOfScope or ErrorCodes.NotFound))
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Person, Id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            await LoadClientsAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id = Id });
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.For(User));
}
