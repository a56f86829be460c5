using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Training.Orders;

public sealed class CreateModel(IGrainFactory grains, TrainingQueries queries, CrmQueries crm, ErrorText errors, IStringLocalizer<SharedResource> text)
    : OrderFormPage(grains, queries, crm, errors, text)
{
    public override bool IsNew => true;

    public Task OnGetAsync() => LoadListsAsync();

    public Task<IActionResult> OnPostAsync()
    {
        var id = Guid.NewGuid();
        return SubmitAsync(
            details => Grains.GetGrain<ITrainingOrderGrain>(id).CreateAsync(Form.TypeId, details, Actor),
            () => RedirectToPage("Details", new { id }));
    }
}
