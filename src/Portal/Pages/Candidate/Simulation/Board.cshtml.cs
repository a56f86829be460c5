using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// The pipeline board: a column per stage, opportunities as cards. Cards move by drag and drop (the board's script sends
/// the command to the simulation API) or, from the keyboard and without a script, with each card's own form.
/// </summary>
public sealed class BoardModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Pipeline { get; set; }

    [BindProperty]
    public string? OpportunityId { get; set; }

    /// <summary>The card moved last: its form takes the focus again, so a keyboard user keeps their place.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Moved { get; set; }

    [BindProperty]
    public string? TargetStage { get; set; }

    public Pipeline? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Current = State.FindPipeline(Pipeline) ?? State.Pipelines.FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // "won" is the board's last column: winning is a close, not a move to a stage.
        SandboxCommand command = TargetStage == "won"
            ? new CloseOpportunity(OpportunityId ?? "", true, null)
            : new MoveOpportunity(OpportunityId ?? "", TargetStage ?? "");
        if (await SendAsync(command))
        {
            return RedirectToPage(new { SessionId, Pipeline, moved = OpportunityId });
        }

        Current = State.FindPipeline(Pipeline) ?? State.Pipelines.FirstOrDefault();
        return Page();
    }
}
