using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class CreateModel(IGrainFactory grains, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    /// <summary>Set when the client was created but their custom values were not: the form then edits that client.</summary>
    public Guid? Created { get; private set; }

    public async Task OnGetAsync() => Fields = await customFields.FieldsAsync(CustomFieldEntity.Client);

    public async Task<IActionResult> OnPostAsync()
    {
        // Custom values are checked before the client is created (see CustomFieldForms): a wrong one creates nothing.
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Client);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(ClientRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            return Page();
        }

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IClientGrain>(id).CreateAsync(Form.ToDetails());
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Client, id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            Created = id;
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }
}
