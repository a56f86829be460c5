using System.Security.Claims;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.People;

public sealed class CreateModel(IGrainFactory grains, CrmQueries queries, DuplicateFinder duplicates, CustomFieldForms customFields, ErrorText errors) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    [BindProperty]
    public Dictionary<Guid, string?> Custom { get; set; } = [];

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    /// <summary>Set when the person was created but their custom values were not: the form then edits that person.</summary>
    public Guid? Created { get; private set; }

    /// <summary>The user has seen the possible duplicates and says this is someone else.</summary>
    [BindProperty]
    public bool NotADuplicate { get; set; }

    public DuplicateCheck Duplicates { get; private set; } = DuplicateCheck.Nothing;

    public async Task OnGetAsync(Guid? clientId)
    {
        Form.ClientId = clientId;
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person);
        await LoadClientsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Custom values are checked before the person is created (see CustomFieldForms): a wrong one creates nothing.
        Fields = await customFields.FieldsAsync(CustomFieldEntity.Person);
        if (!customFields.Check(Fields, Custom, ModelState))
        {
            ModelState.AddErrors(PersonRules.Check(Form.ToDetails()).Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        if (!NotADuplicate)
        {
            Duplicates = await duplicates.PeopleLikeAsync(Form.ToDetails(), CrmScope.For(User));
            if (Duplicates.Found)
            {
                await LoadClientsAsync();
                return Page();
            }
        }

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IPersonGrain>(id).CreateAsync(Form.ToDetails(), CrmScope.For(User).Grants, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, errors, nameof(Form));
            await LoadClientsAsync();
            return Page();
        }

        if (!await customFields.SaveAsync(CustomFieldEntity.Person, id, Fields, Custom, CrmScope.For(User).Grants, ModelState, nameof(Form)))
        {
            Created = id;
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
            Form.Version = result.Version;
            await LoadClientsAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task LoadClientsAsync() => ViewData["Clients"] = await queries.ClientOptionsAsync(CrmScope.For(User));
}
