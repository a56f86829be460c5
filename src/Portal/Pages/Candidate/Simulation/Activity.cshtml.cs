using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>The candidate's own actions, accepted and refused, as the sandbox recorded them.</summary>
public sealed class ActivityModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    public Task<IActionResult> OnGetAsync() => PageOrNotFoundAsync();
}
