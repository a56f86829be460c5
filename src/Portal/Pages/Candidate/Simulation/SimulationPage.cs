using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// What every page of the simulated CRM shares: the candidate's workspace, loaded through <see cref="CandidateSimulations"/>
/// (scope checked on every request), and sending one command per form. Each form carries a command id made when it was
/// drawn, so a form sent twice (a double click, a retry on a poor connection) changes the sandbox once.
/// </summary>
public abstract class SimulationPage(CandidateSimulations simulations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SessionId { get; set; }

    [BindProperty]
    public string? CommandId { get; set; }

    /// <summary>What the last command did, shown once after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public CandidateWorkspace Workspace { get; private set; } = null!;

    public SandboxState State => Workspace.State;

    public bool ReadOnly => Workspace.ReadOnly;

    /// <summary>A fresh id for one form: the form sends it with its command, every time it is sent.</summary>
    public string NewCommandId() => Guid.NewGuid().ToString("N");

    protected CandidateSimulations Simulations => simulations;

    /// <summary>Why the sandbox refused an action, in the user's language (for the pages that list actions).</summary>
    public string Refusals(IEnumerable<CommandError> errors) => simulations.Refusals(errors);

    /// <summary>Why the last <see cref="LoadAsync"/> found no workspace (one of <see cref="SimulationCodes"/>), if it said.</summary>
    protected string? Refusal { get; private set; }

    /// <summary>Loads the workspace; false when the caller may not see this simulation (the page answers 404).</summary>
    protected async Task<bool> LoadAsync()
    {
        var opening = await simulations.OpenAsync(User, SessionId);
        Refusal = opening?.Refusal;
        if (opening is not { Workspace: { } workspace })
        {
            return false;
        }

        Workspace = workspace;
        return true;
    }

    /// <summary>
    /// Sends a command; true when the sandbox accepted it. A refusal's reasons go into the model state, under
    /// <paramref name="prefix"/> and the field the sandbox named, so the form shows them next to its inputs.
    /// </summary>
    protected async Task<bool> SendAsync(SandboxCommand command, string prefix = "")
    {
        var ack = await simulations.ExecuteAsync(User, SessionId, CommandId ?? "", command);
        if (ack is null)
        {
            ModelState.AddModelError(string.Empty, simulations.Refusal(SimulationCodes.NotOnRoster));
            return false;
        }

        if (ack.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, simulations.Refusal(refusal));
            return false;
        }

        var action = ack.Action!;
        if (!action.Accepted)
        {
            foreach (var error in action.Errors)
            {
                ModelState.AddModelError(Key(prefix, error.Field), simulations.Refusal(error));
            }

            // The state may have moved on since the page was drawn; show the form against the current one.
            await LoadAsync();
            return false;
        }

        Done = action.Summary;
        CreatedId = action.CreatedId;
        return true;
    }

    /// <summary>The id of the record the last accepted command created.</summary>
    protected string? CreatedId { get; private set; }

    /// <summary>Whether any of the values holds the search text, Polish letters or not ("lodz" finds "Łódź").</summary>
    public static bool Matches(string? search, params string?[] values) =>
        string.IsNullOrWhiteSpace(search) ||
        values.Any(v => v is not null && PlText.Ascii(v).Contains(PlText.Ascii(search.Trim()), StringComparison.OrdinalIgnoreCase));

    protected async Task<IActionResult> PageOrNotFoundAsync() => await LoadAsync() ? Page() : Unavailable();

    /// <summary>
    /// After a <see cref="LoadAsync"/> that found no workspace: a session not open yet, or closed before the candidate
    /// started, is explained on a page of its own rather than shown as nothing; anything else answers 404.
    /// </summary>
    protected IActionResult Unavailable() =>
        Refusal is SimulationCodes.SessionNotOpen or SimulationCodes.SessionClosed ? RedirectToPage("Unavailable", new { SessionId }) : NotFound();

    private static string Key(string prefix, string field)
    {
        var name = field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
        return prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}.{name}";
    }
}
