using System.Globalization;
using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Reports;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Sheet;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Assessor;

/// <summary>
/// The candidate's simulated CRM as it is now, for the panel to read: accounts, contacts, the pipeline, tasks, segments,
/// offers and reports, with the brief and the task sheet the candidate works from. The page has no form: it reads the
/// sandbox through <see cref="PanelSimulations"/>, which cannot send a command, and only the candidate's panel reaches it.
/// </summary>
public sealed class SandboxModel(Validations validations, PanelSimulations simulations) : PageModel
{
    private static readonly StringComparer Polish = StringComparer.Create(CultureInfo.GetCultureInfo("pl-PL"), ignoreCase: true);

    /// <summary>The parts of the CRM, as <c>?section=</c> names them; the first is the overview.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["overview", "accounts", "contacts", "opportunities", "tasks", "segments", "offers", "reports"];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    /// <summary>One record of the section to show in full (an account, an opportunity, an offer, a report).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public ValidationView View { get; private set; } = null!;

    public SimulationSnapshot? Snapshot { get; private set; }

    public SandboxState State { get; private set; } = null!;

    public ScenarioBrief Brief { get; private set; } = null!;

    public TaskSheet Sheet { get; private set; } = null!;

    public ReportResult? Report { get; private set; }

    public string Current => Section is { } section && Sections.Contains(section) ? section : Sections[0];

    public IEnumerable<ExamSimulator.Sandbox.Account> Accounts => State.Accounts.OrderBy(a => a.Data.Name, Polish);

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view || User.PanelMember(view.Assessment) is null)
        {
            return NotFound();
        }

        View = view;
        Snapshot = await simulations.SnapshotAsync(sessionId, personId);
        if (Snapshot is null || await simulations.StateAsync(sessionId, personId) is not { } state)
        {
            return Page();
        }

        State = state;

        // The brief and the sheet are the scenario's, rebuilt from the seed as the candidate got them.
        var scenario = ExamSimulator.Simulation.Start(Snapshot.Seed);
        (Brief, Sheet) = (scenario.Scenario.Brief, scenario.Sheet);
        if (Current == "reports" && State.FindReport(Id) is { } report)
        {
            Report = ReportEngine.Run(State, report.Name, report.Definition);
        }

        return Page();
    }

    public int Members(Segment segment) => Filter.Apply(State, ReportSource.Accounts, segment.Conditions).Count;
}
