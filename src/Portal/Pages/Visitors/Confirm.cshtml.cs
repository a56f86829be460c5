using Certification.Portal.Hosting;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certification.Portal.Pages.Visitors;

/// <summary>
/// The link of a self-registration's confirmation mail. Opening it shows the training and one button that
/// confirms: mail scanners follow links, and a followed link must not enrol anyone.
/// </summary>
[EnableRateLimiting(RateLimits.PublicLookup)]
public sealed class ConfirmModel(IGrainFactory grains, SelfRegistration registration, ErrorText errors, TimeProvider clock) : PageModel
{
    public PendingRegistration Registration { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    public ConfirmationOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Outcome = Registration.ConfirmedAt is not null ? ConfirmationOutcome.AlreadyConfirmed
            : Registration.ExpiresAt < clock.GetUtcNow().UtcDateTime ? ConfirmationOutcome.Expired
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var (outcome, problems) = await registration.ConfirmAsync(token);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, errors.For(problem.Code));
        }

        Outcome = outcome;
        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        if (await registration.FindAsync(token) is not { } request)
        {
            return false;
        }

        Registration = request;
        Title = (await grains.GetGrain<ITrainingOrderGrain>(request.OrderId).GetAsync())?.Details.Title ?? string.Empty;
        return true;
    }
}
