using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

public sealed class OpportunitiesModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public OpportunityStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    public IReadOnlyList<Opportunity> Opportunities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Opportunities = [.. State.Opportunities
            .Where(o => Status is null || o.Status == Status)
            .Where(o => string.IsNullOrEmpty(Stage) || o.StageId == Stage)
            .Where(o => Matches(Search, o.Details.Name, State.AccountName(o.Details.AccountId)))
            .OrderBy(o => o.Details.ExpectedClose)];
        return Page();
    }
}
