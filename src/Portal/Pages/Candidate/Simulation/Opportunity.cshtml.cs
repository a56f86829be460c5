using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>An opportunity: its details, its stage (moves, won, lost, reopened), the activities each stage needs, its history.</summary>
public sealed class OpportunityModel(CandidateSimulations simulations, IStringLocalizer<SharedResource> text) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public OpportunityForm Form { get; set; } = new();

    [BindProperty]
    public string? TargetStage { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ActivityStage { get; set; }

    [BindProperty]
    public string? ActivityDescription { get; set; }

    [BindProperty]
    public DateOnly? ActivityDue { get; set; }

    [BindProperty]
    public string? ActivityId { get; set; }

    public Opportunity? Opportunity { get; private set; }

    public bool IsNew => Id == "new";

    public async Task<IActionResult> OnGetAsync(string? accountId)
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        Form = Opportunity is null
            ? new OpportunityForm
            {
                AccountId = accountId, ExpectedClose = State.ReferenceDate.AddDays(30),
                PipelineId = State.Pipelines.FirstOrDefault()?.Id, StageId = State.Pipelines.FirstOrDefault()?.Stages.FirstOrDefault()?.Id,
            }
            : OpportunityForm.From(Opportunity);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        if (!Amounts.TryParse(Form.Value, out var value))
        {
            ModelState.AddModelError("Form.Value", text["Podaj wartość liczbą, np. 12 500,00."]);
            return Reload();
        }

        SandboxCommand command = IsNew
            ? new CreateOpportunity(Form.ToDetails(value), State.FindStage(Form.StageId)?.Pipeline.Id ?? "", Form.StageId ?? "")
            : new UpdateOpportunity(Id, Form.ToDetails(value));
        return await SendAsync(command, nameof(Form)) ? RedirectToPage(new { SessionId, id = CreatedId ?? Id }) : Reload();
    }

    public Task<IActionResult> OnPostMoveAsync() => ActAsync(() => new MoveOpportunity(Id, TargetStage ?? ""));

    public Task<IActionResult> OnPostWonAsync() => ActAsync(() => new CloseOpportunity(Id, true, null));

    public Task<IActionResult> OnPostLostAsync() => ActAsync(() => new CloseOpportunity(Id, false, Reason));

    public Task<IActionResult> OnPostReopenAsync() => ActAsync(() => new ReopenOpportunity(Id));

    public Task<IActionResult> OnPostActivityAsync() =>
        ActAsync(() => new AddActivity(Id, ActivityStage ?? "", ActivityDescription ?? "", ActivityDue));

    public Task<IActionResult> OnPostCompleteAsync() => ActAsync(() => new CompleteActivity(Id, ActivityId ?? ""));

    private async Task<IActionResult> ActAsync(Func<SandboxCommand> command)
    {
        if (!await LoadForAsync() || Opportunity is null)
        {
            return NotFound();
        }

        Form = OpportunityForm.From(Opportunity);
        return await SendAsync(command()) ? RedirectToPage(new { SessionId, Id }) : Reload();
    }

    private PageResult Reload()
    {
        Opportunity = State.FindOpportunity(Id);
        return Page();
    }

    private async Task<bool> LoadForAsync()
    {
        if (!await LoadAsync())
        {
            return false;
        }

        Opportunity = State.FindOpportunity(Id);
        return IsNew || Opportunity is not null;
    }
}
