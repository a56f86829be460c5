using Certification.Common;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class EditModel(IGrainFactory grains, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!CrmScope.For(User).CanRead(Id) || await grains.GetGrain<IClientGrain>(Id).GetAsync() is not { } client)
        {
            return NotFound();
        }

        Form = ClientForm.From(client);
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Client);
        Custom = await customFields.ValuesAsync(Id, Fields);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // As on creating (see CustomFieldForms): custom values checked first, then the client, then the values.
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Client);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(ClientRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            return Page();
        }

        var result = await grains.GetGrain<IClientGrain>(Id).UpdateAsync(Form.Version, Form.ToDetails(), CrmScope.For(User).Grants);
        if (result.Errors.Any(e => e.Field == "Id" && e.Code is ClientGrain.OutOfScope or ErrorCodes.NotFound))
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Client, Id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            return Page();
        }

        return RedirectToPage("Details", new { id = Id });
    }
}
