using Certification.Documents;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;

namespace Certification.Simulation;

/// <summary>
/// A commercial offer the candidate generated in the simulated CRM, as a document for <see cref="IDocumentRenderer"/>.
/// It is the seller's document to a Polish customer, so it is in Polish whatever the language of the portal.
/// </summary>
public static class OfferDocument
{
    public static DocumentModel Compose(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var seller = offer.Seller;
        var recipient = offer.Recipient;
        var blocks = new List<Block>
        {
            new Paragraph([TextRun.Bold(seller.Name + "\n"), new TextRun($"{seller.Street}, {seller.PostalCode} {seller.City}\nNIP {seller.Nip} · tel. {seller.Phone} · {seller.Email} · {seller.Website}")], TextAlignment.Left, 9),
            new HorizontalRule(),
            new Heading($"Oferta handlowa nr {offer.Number}", 1),
            new KeyValueList(
            [
                new("Data wystawienia", PlFormat.Date(offer.IssuedOn)),
                new("Ważna do", PlFormat.Date(offer.ValidUntil)),
                new("Odbiorca", Join(recipient.AccountName, recipient.Nip is null ? null : "NIP " + recipient.Nip)),
                new("Adres", Join(recipient.Street, Join(recipient.PostalCode, recipient.City, " "))),
                new("Do rąk", Join($"{recipient.FirstName} {recipient.LastName}", recipient.Position)),
                new("Kontakt", Join(recipient.Email, recipient.Phone)),
            ]),
            new Spacer(4),
        };
        blocks.AddRange(offer.Body
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => new Paragraph(paragraph, TextAlignment.Justify)));
        if (!offer.Lines.IsEmpty)
        {
            blocks.Add(new Spacer(4));
            blocks.Add(new Table(
                [
                    new TableColumn("Lp.", 0.7, TextAlignment.Right),
                    new TableColumn("Pozycja", 2.8),
                    new TableColumn("Ilość", 1, TextAlignment.Right),
                    new TableColumn("Cena netto", 1.4, TextAlignment.Right),
                    new TableColumn("Rabat", 1.1, TextAlignment.Right),
                    new TableColumn("Netto", 1.4, TextAlignment.Right),
                    new TableColumn("VAT", 1.4, TextAlignment.Right),
                    new TableColumn("Brutto", 1.4, TextAlignment.Right),
                ],
                [.. offer.Lines.Select((line, i) => new TableRow(
                [
                    PlFormat.Count(i + 1), $"{line.Name} ({line.Code})", $"{PlFormat.Plain(line.Quantity)} {line.Unit}", PlFormat.Money(line.UnitPrice),
                    PlFormat.Plain(line.DiscountPercent) + "%", PlFormat.Money(line.Net), $"{PlFormat.Money(line.Vat)} ({line.VatRate}%)", PlFormat.Money(line.Gross),
                ]))]));
        }

        blocks.Add(new KeyValueList(
        [
            new("Razem netto", PlFormat.Money(offer.TotalNet)),
            new("VAT", PlFormat.Money(offer.TotalVat)),
            new("Razem brutto", PlFormat.Money(offer.TotalGross)),
        ]) { KeyWidth = 0.7 });
        blocks.Add(new SignatureLine($"w imieniu {seller.Name}"));
        return new DocumentModel(blocks) { Title = $"Oferta {offer.Number} — {recipient.AccountName}" };
    }

    private static string Join(string? first, string? second, string separator = ", ") =>
        string.Join(separator, new[] { first, second }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
