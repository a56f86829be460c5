using Certification.Portal.Hosting;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certification.Portal.Pages.Visitors;

/// <summary>Self-registration on a public training whose enrolment is open.</summary>
[EnableRateLimiting(RateLimits.PublicLookup)]
public sealed class RegisterModel(IGrainFactory grains, SelfRegistration registration, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool AcceptsTerms { get; set; }

    [BindProperty]
    public bool WantsNews { get; set; }

    public OrderSnapshot Order { get; private set; } = null!;

    public TrainingLocation? Location { get; private set; }

    /// <summary>The confirmation link is on its way to the address given.</summary>
    public bool Requested { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Order.Phase.Enrolment)
        {
            return Page();
        }

        var problems = await registration.RequestAsync(Id, Order.Details, new RegistrationForm(FirstName, LastName, Email, Phone, AcceptsTerms, WantsNews));
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field is "FirstName" or "LastName" or "Email" or "Phone" or "AcceptsTerms" ? problem.Field : string.Empty, errors.For(problem.Code));
        }

        Requested = problems.Count == 0;
        return Page();
    }

    // Only a public order open for enrolment has a registration page; any other id is simply not found.
    private async Task<bool> LoadAsync()
    {
        if (await grains.GetGrain<ITrainingOrderGrain>(Id).GetAsync() is not { } order ||
            order.Details.Visibility != OrderVisibility.Public || !order.Phase.Published)
        {
            return false;
        }

        Order = order;
        Location = (await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations.FirstOrDefault(l => l.Id == order.Details.LocationId);
        return true;
    }
}
