using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Training.Orders;

/// <summary>What the create and edit pages of an order share: the form, its lists, and how errors come back.</summary>
public abstract class OrderFormPage(IGrainFactory grains, TrainingQueries queries, CrmQueries crm, ErrorText errors, IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty]
    public OrderForm Form { get; set; } = new();

    public abstract bool IsNew { get; }

    public TrainingSetup Setup { get; private set; } = new(0, [], []);

    public IReadOnlyList<PersonName> Trainers { get; private set; } = [];

    public IReadOnlyList<ClientOption> Clients { get; private set; } = [];

    protected IGrainFactory Grains => grains;

    protected string Actor => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    protected async Task LoadListsAsync()
    {
        Setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        Trainers = await queries.TrainersAsync();
        Clients = await crm.ClientOptionsAsync(CrmScope.All);
        Form.WithBlankRows();
    }

    /// <summary>Sends the form with <paramref name="send"/>; on refusal shows the page again with the reasons at their fields.</summary>
    protected async Task<IActionResult> SubmitAsync(Func<OrderDetails, Task<Certification.Common.CommandResult>> send, Func<IActionResult> done)
    {
        var (details, badField) = Form.ToDetails();
        if (details is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{badField}", badField == nameof(OrderForm.Price)
                ? text["Podaj cenę jako liczbę, np. 350 lub 350,50."]
                : text["Każdy dzień zajęć musi mieć datę oraz godzinę rozpoczęcia i zakończenia."]);
        }
        else
        {
            var result = await send(details);
            if (result.Succeeded)
            {
                return done();
            }

            ModelState.AddErrors(result.Errors, errors, nameof(Form));
        }

        await LoadListsAsync();
        return Page();
    }
}
