using System.Globalization;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Review;

/// <summary>
/// The appeal's reviewer steps through the candidate's simulation: the sandbox rebuilt from its seed and the first N
/// logged actions (a replay through the simulator, never the live sandbox), the action of that step, the state after
/// it and the checkers' verdicts then. Only the reviewer assigned to the appeal reaches it, as with the appeal itself.
/// </summary>
public sealed class ReplayModel(IGrainFactory grains, Validations validations) : PageModel
{
    public ValidationView View { get; private set; } = null!;

    /// <summary>Null when the candidate never started the simulation: there is nothing to replay.</summary>
    public SimulationReplay? Replay { get; private set; }

    public ReplayStep Current { get; private set; } = null!;

    /// <summary>The step asked for was not a number; the start is shown.</summary>
    public bool NotANumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId, string? step)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view || User.AppealReviewer(view.Assessment) is null ||
            view.Assessment.Decision is null)
        {
            return NotFound();
        }

        View = view;
        if (await grains.Simulation(sessionId, personId).ExportAsync() is not { } export)
        {
            return Page();
        }

        var requested = 0;
        NotANumber = !string.IsNullOrWhiteSpace(step) && !int.TryParse(step, NumberStyles.Integer, CultureInfo.InvariantCulture, out requested);
        Replay = SimulationReplay.Of(export);
        Current = Replay.At(requested);
        return Page();
    }
}
