using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// Offer templates: the editor with a tag picker and a preview. The preview fills the template for a chosen recipient
/// on a copy of the sandbox, as generating would, without recording anything.
/// </summary>
public sealed class TemplatesModel(CandidateSimulations simulations, TimeProvider clock) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? PreviewContact { get; set; }

    public OfferTemplate? Editing { get; private set; }

    public string? Preview { get; private set; }

    public IReadOnlyList<string> PreviewErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Editing = State.FindTemplate(Edit);
        (Name, Body) = (Editing?.Name, Editing?.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Editing = State.FindTemplate(Edit);
        if (await SendAsync(new SaveOfferTemplate(Editing?.Id, Name ?? "", Body ?? "")))
        {
            return RedirectToPage(new { SessionId, edit = CreatedId ?? Editing?.Id });
        }

        Editing = State.FindTemplate(Edit);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Editing = State.FindTemplate(Edit);
        var contact = State.FindContact(PreviewContact) ?? State.Contacts.FirstOrDefault();
        var product = State.Products.FirstOrDefault();
        if (contact is null || product is null)
        {
            return Page();
        }

        var context = new ExamSimulator.Sandbox.ActionContext(clock.GetUtcNow(), "preview");
        var (draft, saved) = SandboxEngine.Apply(State, new SaveOfferTemplate(null, "podgląd " + Guid.NewGuid().ToString("N"), Body ?? ""), context);
        if (!saved.Accepted)
        {
            PreviewErrors = [.. saved.Errors.Select(Simulations.Refusal)];
            return Page();
        }

        var (generated, outcome) = SandboxEngine.Apply(draft, new GenerateOffer(saved.CreatedId!, contact.AccountId, contact.Id, null, [new OfferLineRequest(product.Id, 1, 0)], 14), context);
        if (generated.FindOffer(outcome.CreatedId) is { } offer)
        {
            Preview = offer.Body;
        }
        else
        {
            PreviewErrors = [.. outcome.Errors.Select(Simulations.Refusal)];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return await SendAsync(new DeleteOfferTemplate(Edit ?? "")) ? RedirectToPage(new { SessionId }) : Page();
    }
}
