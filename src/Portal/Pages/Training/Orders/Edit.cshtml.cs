using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Training.Orders;

public sealed class EditModel(IGrainFactory grains, TrainingQueries queries, CrmQueries crm, ErrorText errors, IStringLocalizer<SharedResource> text)
    : OrderFormPage(grains, queries, crm, errors, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Grains.GetGrain<ITrainingOrderGrain>(Id).GetAsync() is not { } order)
        {
            return NotFound();
        }

        Form = OrderForm.From(order);
        await LoadListsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() =>
        SubmitAsync(
            details => Grains.GetGrain<ITrainingOrderGrain>(Id).UpdateAsync(Form.Version, details, Actor),
            () => RedirectToPage("Details", new { id = Id }));
}
