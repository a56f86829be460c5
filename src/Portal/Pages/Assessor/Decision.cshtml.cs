using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Assessor;

/// <summary>
/// The panel's decision: what it rests on (the theory result and the final grades), what the qualification's
/// rules make of it, the wording with a justification for each unmet part, and the members' signatures.
/// Rewording clears the signatures; the last signature makes the decision final.
/// </summary>
public sealed class DecisionModel(
    IGrainFactory grains, Validations validations, ErrorText errors, IStringLocalizer<SharedResource> text, PanelSimulations simulations) : PageModel
{
    public ValidationView View { get; private set; } = null!;

    public Guid Me { get; private set; }

    public DecisionBasis Basis { get; private set; } = null!;

    public DecisionProposal Proposal { get; private set; } = null!;

    /// <summary>The panel's notes on the simulation, beside the actions they are about.</summary>
    public ObservationLog Observations { get; private set; } = null!;

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Justifications { get; set; } = new(StringComparer.Ordinal);

    public string? Message { get; private set; }

    /// <summary>Errors about one part's justification, by part (<c>theory</c> or a criterion id).</summary>
    public Dictionary<string, string> PartErrors { get; } = new(StringComparer.Ordinal);

    public DecisionView? Decision => View.Assessment.Decision;

    public bool Final => Decision?.SignedAt is not null;

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        Outcome = (Decision?.Outcome ?? Proposal.Outcome) switch
        {
            DecisionOutcome.Positive => "positive",
            DecisionOutcome.Negative => "negative",
            _ => null,
        };
        foreach (var part in Proposal.Unmet)
        {
            Justifications[part] = Decision?.Justifications.GetValueOrDefault(part);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        DecisionOutcome? outcome = Outcome switch
        {
            "positive" => DecisionOutcome.Positive,
            "negative" => DecisionOutcome.Negative,
            _ => null,
        };
        if (outcome is null)
        {
            Message = text["Wybierz rozstrzygnięcie: pozytywne albo negatywne."];
            return Page();
        }

        var wording = Justifications.Where(j => !string.IsNullOrWhiteSpace(j.Value)).ToDictionary(j => j.Key, j => j.Value!, StringComparer.Ordinal);
        var result = await grains.Assessment(sessionId, personId).DraftDecisionAsync(outcome.Value, wording, Me, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId, personId });
        }

        foreach (var error in result.Errors)
        {
            // Ungraded parts name criteria the form has no field for: the page says so as a whole.
            if (error.Field.StartsWith("Justifications[", StringComparison.Ordinal) && error.Code != DecisionRules.Ungraded)
            {
                PartErrors[error.Field["Justifications[".Length..^1]] = errors.For(error.Code);
            }
            else
            {
                Message = errors.For(error.Code);
            }
        }

        Message ??= text["Decyzja nie została zapisana: uzupełnij uzasadnienia zaznaczonych części."];
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        var result = await grains.Assessment(sessionId, personId).SignDecisionAsync(Me, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId, personId });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, Guid personId)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view || User.PanelMember(view.Assessment) is not { } me)
        {
            return false;
        }

        View = view;
        Me = me;
        var grain = grains.Assessment(sessionId, personId);
        Basis = await grain.GetBasisAsync();
        Proposal = DecisionRules.Propose(
            Basis,
            [.. view.Criteria(AssessmentPart.Practical).Select(c => c.Id)],
            [.. view.Criteria(AssessmentPart.Interview).Select(c => c.Id)]);
        Observations = await simulations.ObservationsAsync(sessionId, personId);
        return true;
    }
}
