using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

public sealed class TaskModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public TaskForm Form { get; set; } = new();

    public CrmTask? Task { get; private set; }

    public bool IsNew => Id == "new";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        Form = Task is null ? new TaskForm { DueDate = State.ReferenceDate.AddDays(1) } : TaskForm.From(Task);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        SandboxCommand command = IsNew ? new CreateTask(Form.ToData()) : new UpdateTask(Id, Form.ToData());
        if (await SendAsync(command, nameof(Form)))
        {
            return RedirectToPage("Tasks", new { SessionId });
        }

        Task = State.FindTask(Id);
        return Page();
    }

    private async Task<bool> LoadForAsync()
    {
        if (!await LoadAsync())
        {
            return false;
        }

        Task = State.FindTask(Id);
        return IsNew || Task is not null;
    }
}
