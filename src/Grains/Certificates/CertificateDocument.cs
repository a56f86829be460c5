using System.Globalization;
using Certification.Documents;

namespace Certification.Certificates;

/// <summary>
/// The certificate as a one-page A4 document in Polish, for <see cref="IDocumentRenderer"/>: drawn from the certificate's
/// record and its verification address alone, so the same certificate always prints the same bytes.
/// </summary>
public static class CertificateDocument
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>The public page the QR code leads to: <c>{public address}/verify/CRM/2026/000123-K</c>.</summary>
    public static Uri VerificationUrl(Common.Institution institution, string number)
    {
        ArgumentNullException.ThrowIfNull(institution);
        return institution.Link($"verify/{number}");
    }

    public static DocumentModel Compose(CertificateRecord certificate, Uri verificationUrl)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var url = verificationUrl.ToString();
        List<Block> blocks =
        [
            new Paragraph(certificate.Institution, TextAlignment.Centre, 12, FontWeight.Bold),
            new HorizontalRule(),
            new Spacer(4),
            new Heading("CERTYFIKAT", 1, TextAlignment.Centre),
            new Paragraph($"nr {certificate.Number}", TextAlignment.Centre, 12, FontWeight.Bold),
            new Spacer(3),
            new Paragraph("Zaświadcza się, że", TextAlignment.Centre, 11),
            new Paragraph(certificate.HolderName, TextAlignment.Centre, 20, FontWeight.Bold),
        ];
        if (certificate.HolderBirthDate is { } born)
        {
            blocks.Add(new Paragraph($"urodzony(-a) {Date(born)}", TextAlignment.Centre, 11));
        }

        blocks.AddRange(
        [
            new Paragraph("uzyskał(a) kwalifikację rynkową", TextAlignment.Centre, 11),
            new Paragraph(certificate.QualificationName.Pl, TextAlignment.Centre, 14, FontWeight.Bold),
            new Paragraph($"Poziom Polskiej Ramy Kwalifikacji: {certificate.PrkLevel}", TextAlignment.Centre, 11),
            new Spacer(2),
            new KeyValueList(
            [
                new("Data decyzji walidacyjnej", Date(certificate.DecisionDate)),
                new("Data wydania", Date(certificate.IssuedOn)),
                new("Ważny do", Date(certificate.ValidUntil)),
                new("Wersja dokumentu", certificate.DocumentVersion == 1
                    ? "1"
                    : $"{certificate.DocumentVersion.ToString(Polish)} z {Date(certificate.DocumentDate)} (przedłużenie ważności)"),
                new("Instytucja certyfikująca", certificate.Institution),
            ], FontSize: 10)
            {
                KeyWidth = 0.32,
            },
            new Paragraph("Potwierdzone zestawy efektów uczenia się", TextAlignment.Left, 10, FontWeight.Bold),
        ]);
        foreach (var set in certificate.OutcomeSets)
        {
            // The outcomes of a set run on as one paragraph: a certificate is one page, whatever the qualification.
            blocks.Add(new Paragraph(
                [
                    TextRun.Bold($"Zestaw {set.Id}. {set.Name.Pl} (PRK {set.PrkLevel.ToString(Polish)})\n"),
                    TextRun.Regular(string.Join(" · ", set.Outcomes.Select(o => $"{o.Id} {o.Name.Pl}"))),
                ],
                TextAlignment.Left,
                9));
        }

        blocks.AddRange(
        [
            new SignatureLines(["pieczęć instytucji certyfikującej", "podpis osoby upoważnionej do wydania certyfikatu"], 70),
            new QrCode(url, 25, HorizontalPosition.Left),
            new Paragraph([new TextRun("Ważność certyfikatu można sprawdzić, skanując kod QR lub pod adresem:\n"), new TextRun(url)], TextAlignment.Left, 8),
        ]);
        return new DocumentModel(blocks)
        {
            Title = $"Certyfikat nr {certificate.Number}",
            Footer = new PageFooter($"Certyfikat nr {certificate.Number}, wersja dokumentu {certificate.DocumentVersion.ToString(Polish)}", null),
        };
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Polish) + " r.";
}
