using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>Pipelines and their stages: create a pipeline, add, rename, reorder and remove stages.</summary>
public sealed class PipelinesModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty]
    public string? PipelineId { get; set; }

    [BindProperty]
    public string? StageId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Probability { get; set; }

    [BindProperty]
    public int? Position { get; set; }

    /// <summary>A new pipeline's first stages, one per line.</summary>
    [BindProperty]
    public string? StageNames { get; set; }

    public Task<IActionResult> OnGetAsync() => PageOrNotFoundAsync();

    public Task<IActionResult> OnPostCreateAsync() => ActAsync(() => new CreatePipeline(Name ?? "",
        [.. (StageNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]));

    public Task<IActionResult> OnPostAddStageAsync() => ActAsync(() => new AddStage(PipelineId ?? "", Name ?? "", Probability, Position - 1));

    public Task<IActionResult> OnPostUpdateStageAsync() => ActAsync(() => new UpdateStage(PipelineId ?? "", StageId ?? "", Name ?? "", Probability));

    public Task<IActionResult> OnPostMoveStageAsync() => ActAsync(() => new MoveStage(PipelineId ?? "", StageId ?? "", (Position ?? 1) - 1));

    public Task<IActionResult> OnPostRemoveStageAsync() => ActAsync(() => new RemoveStage(PipelineId ?? "", StageId ?? ""));

    private async Task<IActionResult> ActAsync(Func<SandboxCommand> command)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return await SendAsync(command()) ? RedirectToPage(new { SessionId }) : Page();
    }
}
