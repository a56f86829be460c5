using Certification.Documents;
using Certification.ExamSimulator;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using Certification.Simulation;
using UglyToad.PdfPig;

namespace Certification.Grains.Tests;

/// <summary>The offer a candidate generates in the sandbox, drawn through the document seam.</summary>
public sealed class OfferDocumentTests
{
    [Fact]
    public void An_offer_pdf_states_seller_recipient_the_rendered_text_the_lines_and_the_totals()
    {
        var simulation = Simulation(seed: 11);
        var state = simulation.State;
        var offer = Assert.Single(state.Offers);

        var pdf = new PdfDocumentRenderer().Render(OfferDocument.Compose(offer));

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains($"Oferta handlowa nr {offer.Number}", text, StringComparison.Ordinal);
        Assert.Contains(offer.Seller.Name, text, StringComparison.Ordinal);
        Assert.Contains(offer.Recipient.AccountName, text, StringComparison.Ordinal);
        Assert.Contains($"Dzień dobry {offer.Recipient.FirstName}", text, StringComparison.Ordinal);
        Assert.Contains(offer.Lines[0].Code, text, StringComparison.Ordinal);
        Assert.Contains(PlFormat.Money(offer.TotalGross), text, StringComparison.Ordinal);
        Assert.Equal(pdf, new PdfDocumentRenderer().Render(OfferDocument.Compose(offer)));
    }

    private static ExamSimulator.Simulation Simulation(int seed)
    {
        var simulation = ExamSimulator.Simulation.Start(seed);
        var context = new ActionContext(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "candidate");
        (simulation, var template) = simulation.Execute(new SaveOfferTemplate(null, "Krótka", "Dzień dobry {{ kontakt.imie }},\n\noferta dla {{ klient.nazwa }}."), context);
        var contact = simulation.State.Contacts[0];
        (simulation, var generated) = simulation.Execute(
            new GenerateOffer(template.Outcome.CreatedId!, contact.AccountId, contact.Id, null, [new OfferLineRequest(simulation.State.Products[0].Id, 3, 10)], 14), context);
        Assert.True(generated.Outcome.Accepted, generated.Outcome.Reason());
        return simulation;
    }
}
