using System.Security.Claims;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>A partner administrator adds someone to their own organisation: the organisation comes from their account, never from the form.</summary>
/// <remarks>The person's custom fields shown in the extranet are on the form, checked and saved as the office's form does (see <see cref="CustomFieldForms"/>).</remarks>
public sealed class CreateModel(IGrainFactory grains, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    /// <summary>Set when the person was created but their custom values were not: the form then edits that person.</summary>
    public Guid? Created { get; private set; }

    public async Task OnGetAsync() => Fields = await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true);

    public async Task<IActionResult> OnPostAsync()
    {
        var client = CrmScope.For(User).ClientId!.Value;
        Form.ClientId = client;
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person, extranet: true);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(PersonRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            return Page();
        }

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IPersonGrain>(id).CreateAsync(Form.ToDetails(), CrmScope.For(User).Grants, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Person, id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            Created = id;
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }
}
