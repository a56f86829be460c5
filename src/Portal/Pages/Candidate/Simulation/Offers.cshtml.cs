using Certification.Documents;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// Offers: generated for a chosen recipient from a template and the records, drawn as PDF through the document seam,
/// and "sent" (the account's history records it; no mail leaves the sandbox).
/// </summary>
public sealed class OffersModel(CandidateSimulations simulations, IDocumentRenderer renderer) : SimulationPage(simulations)
{
    public const int LineRows = 4;

    /// <summary>The offer shown in detail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty]
    public string? TemplateId { get; set; }

    /// <summary>The recipient: a contact, whose account the offer is for.</summary>
    [BindProperty]
    public string? ContactId { get; set; }

    [BindProperty]
    public string? OpportunityId { get; set; }

    [BindProperty]
    public int ValidDays { get; set; } = 30;

    [BindProperty]
    public List<LineRow> Lines { get; set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    public Offer? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Prepare();
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var contact = State.FindContact(ContactId);
        var lines = Lines
            .Where(l => !string.IsNullOrEmpty(l.ProductId))
            .Select(l => new OfferLineRequest(l.ProductId!, Amounts.TryParse(l.Quantity, out var q) ? q : 0, Amounts.TryParse(l.Discount, out var d) ? d : 0))
            .ToList();
        var command = new GenerateOffer(TemplateId ?? "", contact?.AccountId ?? "", ContactId ?? "", string.IsNullOrEmpty(OpportunityId) ? null : OpportunityId, [.. lines], ValidDays);
        if (await SendAsync(command))
        {
            return RedirectToPage(new { SessionId, show = CreatedId });
        }

        Prepare();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new SendOffer(Show ?? "", string.IsNullOrWhiteSpace(Message) ? null : Message)))
        {
            return RedirectToPage(new { SessionId, Show });
        }

        Prepare();
        return Page();
    }

    /// <summary>The offer's PDF; the same offer always gives the same file.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync() || State.FindOffer(Show) is not { } offer)
        {
            return NotFound();
        }

        return File(renderer.Render(OfferDocument.Compose(offer)), "application/pdf", $"oferta-{offer.Number.Replace('/', '-')}.pdf");
    }

    private void Prepare()
    {
        Shown = State.FindOffer(Show);
        while (Lines.Count < LineRows)
        {
            Lines.Add(new LineRow { Quantity = Lines.Count == 0 ? "1" : null, Discount = "0" });
        }
    }

    public sealed class LineRow
    {
        public string? ProductId { get; set; }

        public string? Quantity { get; set; }

        public string? Discount { get; set; }
    }
}
