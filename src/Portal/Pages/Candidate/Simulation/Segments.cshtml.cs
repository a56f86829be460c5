using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>Segments: saved filters of accounts, with the accounts each one holds now.</summary>
public sealed class SegmentsModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    /// <summary>The segment being edited; none for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public List<ConditionRow> Conditions { get; set; } = [];

    public Segment? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Editing = State.FindSegment(Edit);
        (Name, Purpose) = (Editing?.Name, Editing?.Purpose);
        Conditions = ConditionRow.Rows(Editing?.Conditions ?? [], 4);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new SaveSegment(State.FindSegment(Edit)?.Id, Name ?? "", Purpose, ConditionRow.Conditions(Conditions))))
        {
            return RedirectToPage(new { SessionId });
        }

        Editing = State.FindSegment(Edit);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new DeleteSegment(Edit ?? "")))
        {
            return RedirectToPage(new { SessionId });
        }

        Conditions = ConditionRow.Rows([], 4);
        return Page();
    }

    public int Count(Segment segment) => Filter.Apply(State, ReportSource.Accounts, segment.Conditions).Count;
}
