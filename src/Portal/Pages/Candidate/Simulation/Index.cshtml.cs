using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>The simulated CRM's start page with the scenario's brief; opening it the first time starts the simulation.</summary>
public sealed class IndexModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync())
        {
            return Page();
        }

        // Outside an open session there is nothing to start: the candidate is told why rather than shown nothing.
        return Refusal == SimulationCodes.SessionNotOpen ? RedirectToPage("Unavailable", new { SessionId }) : NotFound();
    }
}
