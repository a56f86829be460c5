using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// The task list: filtered by a time range, priority, status and text, saved as a named list for later, and with each
/// task's status and completion updated in place.
/// </summary>
public sealed class TasksModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskPriority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public CrmTaskStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>A saved task list to show instead of the filters.</summary>
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty]
    public string? ListName { get; set; }

    [BindProperty]
    public string? TaskId { get; set; }

    [BindProperty]
    public CrmTaskStatus NewStatus { get; set; }

    [BindProperty]
    public int Progress { get; set; }

    public IReadOnlyList<CrmTask> Tasks { get; private set; } = [];

    public TaskList? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveListAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var command = new SaveTaskList(null, ListName ?? "", From ?? State.ReferenceDate, To ?? State.ReferenceDate, Conditions());
        if (await SendAsync(command))
        {
            return RedirectToPage(new { SessionId, list = CreatedId });
        }

        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteListAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new DeleteTaskList(List ?? "")))
        {
            return RedirectToPage(new { SessionId });
        }

        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostProgressAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new UpdateTaskProgress(TaskId ?? "", NewStatus, Progress)))
        {
            return Redirect(Url.Page(null, new { SessionId, From, To, Priority, Status, Search, List }) + "#task-" + TaskId);
        }

        Show();
        return Page();
    }

    /// <summary>The filters as conditions on the catalogue's task fields, as a saved list keeps them.</summary>
    private System.Collections.Immutable.ImmutableList<FilterCondition> Conditions() =>
    [
        .. Priority is { } priority ? [new FilterCondition("priority", FilterOperator.Equals, Labels.Of(priority))] : Array.Empty<FilterCondition>(),
        .. Status is { } status ? [new FilterCondition("status", FilterOperator.Equals, Labels.Of(status))] : Array.Empty<FilterCondition>(),
    ];

    private void Show()
    {
        Saved = State.FindTaskList(List);
        Tasks = Saved is not null
            ? TaskLists.Tasks(State, Saved)
            : [.. TaskLists.Tasks(State, From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue, Conditions())
                .Where(t => Matches(Search, t.Data.Title, State.AccountName(t.Data.AccountId), t.Data.Notes))];
    }
}
