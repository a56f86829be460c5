using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>The task sheet on a page of its own (also always at hand beside every page), and the answers to its questions.</summary>
public sealed class SheetModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty]
    public string QuestionId { get; set; } = "";

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public Task<IActionResult> OnGetAsync() => PageOrNotFoundAsync();

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!await SendAsync(new AnswerQuestion(QuestionId, Answer ?? "")))
        {
            return Page();
        }

        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { SessionId });
    }
}
