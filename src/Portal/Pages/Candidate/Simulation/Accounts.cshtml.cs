using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Candidate.Simulation;

public sealed class AccountsModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public AccountKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public AccountStatus? Status { get; set; }

    /// <summary>A saved segment whose conditions narrow the list.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Segment { get; set; }

    public IReadOnlyList<ExamSimulator.Sandbox.Account> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var inSegment = State.FindSegment(Segment) is { } segment
            ? Filter.Apply(State, ReportSource.Accounts, segment.Conditions).Select(r => r.Id).ToHashSet()
            : null;
        Accounts = [.. State.Accounts
            .Where(a => inSegment is null || inSegment.Contains(a.Id))
            .Where(a => Kind is null || a.Data.Kind == Kind)
            .Where(a => Status is null || a.Data.Status == Status)
            .Where(a => Matches(Search, a.Data.Name, a.Data.Nip, a.Data.City, a.Data.Industry))
            .OrderBy(a => a.Data.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("pl-PL"), ignoreCase: true))];
        return Page();
    }
}
