using Certification.CustomFields;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Crm.Fields;

/// <summary>Custom fields of clients and people: the list, and a form to add one or change it.</summary>
public sealed class IndexModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public FieldForm Form { get; set; } = new();

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Fields = await Setup.GetAsync();
        if (Edit is { } id && Fields.FirstOrDefault(f => f.Id == id) is { } field)
        {
            Form = new FieldForm
            {
                Entity = field.Entity, Name = field.Name, Type = field.Type, Choices = string.Join('\n', field.Choices),
                Required = field.Required, ShowOnLists = field.ShowOnLists, Active = field.Active, ShowInExtranet = field.ShowInExtranet,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var definition = new CustomFieldDefinition(
            Edit ?? Guid.NewGuid(), Form.Entity, Form.Name ?? string.Empty, Form.Type,
            (Form.Choices ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Form.Required, Form.ShowOnLists, Form.Active, Form.ShowInExtranet);
        var result = await Setup.SaveAsync(definition);
        if (result.Succeeded)
        {
            return RedirectToPage(new { Edit = (Guid?)null });
        }

        ModelState.AddErrors(result.Errors, errors, nameof(Form));
        Fields = await Setup.GetAsync();
        return Page();
    }

    private ICustomFieldSetupGrain Setup => grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);

    public sealed class FieldForm
    {
        public CustomFieldEntity Entity { get; set; } = CustomFieldEntity.Person;
        public string? Name { get; set; }
        public CustomFieldType Type { get; set; } = CustomFieldType.Text;
        public string? Choices { get; set; }
        public bool Required { get; set; }
        public bool ShowOnLists { get; set; }
        public bool Active { get; set; } = true;
        public bool ShowInExtranet { get; set; }
    }
}
