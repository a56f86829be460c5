using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// Why the candidate has no simulation to open: the session is not open yet, or it closed before they ever started the
/// practical part. The reason is asked of the simulation again, so the page never says what is no longer true.
/// </summary>
public sealed class UnavailableModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    /// <summary>The session ended and the candidate never started: the practical part cannot be taken in it any more.</summary>
    public bool Missed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync())
        {
            return RedirectToPage("Index", new { SessionId });
        }

        Missed = Refusal == SimulationCodes.SessionClosed;
        return Refusal is SimulationCodes.SessionNotOpen or SimulationCodes.SessionClosed ? Page() : NotFound();
    }
}
