using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>The simulated CRM's start page with the scenario's brief; opening it the first time starts the simulation.</summary>
public sealed class IndexModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    public Task<IActionResult> OnGetAsync() => PageOrNotFoundAsync();
}
