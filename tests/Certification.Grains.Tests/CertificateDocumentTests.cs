using Certification.Certificates;
using Certification.Common;
using Certification.Documents;
using Certification.Qualifications;
using QRCoder;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Certification.Grains.Tests;

/// <summary>The certificate's PDF read back: what it states, its QR code decoded, the same bytes for the same certificate.</summary>
public sealed class CertificateDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    private static readonly Institution Institution = new("Ośrodek Certyfikacji i Szkoleń CRM", new Uri("https://certyfikaty.example.pl/"));

    public static CertificateRecord Sample { get; } = new(
        "CRM/2026/000123-K", Guid.Parse("5d1c6f0e-1b1a-4c8e-9a37-5d2f6a1b2c3d"), "Zażółć Gęślą-Jaźń Łukasiewicz", new DateOnly(1990, 1, 1),
        "CRM-PRK4", new LocalizedText("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", "Customer relationship management using a CRM system"), 4,
        [
            new("1", new LocalizedText("Budowanie bazy klientów", null), 4,
            [
                new("1.1", new LocalizedText("Pozyskuje dane klientów", null)),
                new("1.2", new LocalizedText("Wprowadza i edytuje dane klientów w systemie CRM", null)),
                new("1.3", new LocalizedText("Zabezpiecza dane zgodnie z obowiązującymi przepisami", null)),
            ]),
            new("2", new LocalizedText("Prowadzenie procesu obsługi klienta z wykorzystaniem systemu CRM", null), 4,
            [
                new("2.1", new LocalizedText("Monitoruje przebieg procesu", null)),
                new("2.2", new LocalizedText("Projektuje lejki sprzedaży", null)),
                new("2.3", new LocalizedText("Sporządza raporty", null)),
                new("2.4", new LocalizedText("Tworzy ofertę", null)),
                new("2.5", new LocalizedText("Zarządza szansą sprzedaży", null)),
            ]),
        ],
        new DateOnly(2026, 3, 10), new DateOnly(2031, 3, 10), "Ośrodek Certyfikacji i Szkoleń CRM", new DateOnly(2026, 3, 9),
        Guid.Parse("0b7e5f2a-3c4d-4e6f-8a9b-3e4f5a6b7c8d"), 1,
        [new CertificateVersion(1, new DateOnly(2026, 3, 10), new DateOnly(2031, 3, 10), "office", null)], null, 1);

    private static string VerificationUrl => CertificateDocument.VerificationUrl(Institution, Sample.Number).ToString();

    [Fact]
    public void The_pdf_states_the_holder_the_number_the_dates_and_the_qualification_in_polish()
    {
        var pdf = Render(Sample);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        var text = Words(page);
        Assert.Contains("CERTYFIKAT", text, StringComparison.Ordinal);
        Assert.Contains("Zażółć Gęślą-Jaźń Łukasiewicz", text, StringComparison.Ordinal);
        Assert.Contains("CRM/2026/000123-K", text, StringComparison.Ordinal);
        Assert.Contains("10 marca 2026", text, StringComparison.Ordinal);
        Assert.Contains("10 marca 2031", text, StringComparison.Ordinal);
        Assert.Contains("9 marca 2026", text, StringComparison.Ordinal);
        Assert.Contains("1 stycznia 1990", text, StringComparison.Ordinal);
        Assert.Contains("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", text, StringComparison.Ordinal);
        Assert.Contains("Poziom Polskiej Ramy Kwalifikacji: 4", text, StringComparison.Ordinal);
        Assert.Contains("2.5 Zarządza szansą sprzedaży", text, StringComparison.Ordinal);
        Assert.Contains("Ośrodek Certyfikacji i Szkoleń CRM", text, StringComparison.Ordinal);
        Assert.Contains("podpis osoby upoważnionej", text, StringComparison.Ordinal);
        Assert.Contains(VerificationUrl, text, StringComparison.Ordinal);
        Assert.Equal("Certyfikat nr CRM/2026/000123-K", document.Information.Title);
        Assert.All(page.Letters, letter => Assert.StartsWith("DejaVuSans", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void A_renewed_certificate_prints_its_document_version_and_the_new_validity()
    {
        var renewed = Sample with
        {
            ValidUntil = new DateOnly(2036, 3, 10),
            DocumentVersion = 2,
            Versions = [.. Sample.Versions, new CertificateVersion(2, new DateOnly(2031, 2, 1), new DateOnly(2036, 3, 10), "reviewer", "dowody")],
        };

        using var document = PdfDocument.Open(Render(renewed));
        var text = Words(document.GetPage(1));
        Assert.Contains("10 marca 2036", text, StringComparison.Ordinal);
        Assert.Contains("2 z 1 lutego 2031", text, StringComparison.Ordinal);
        Assert.Contains("wersja dokumentu 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_qr_code_drawn_in_the_pdf_reads_as_the_verification_address()
    {
        var pdf = Render(Sample);

        Assert.Equal("https://certyfikaty.example.pl/verify/CRM/2026/000123-K", VerificationUrl);
        using var document = PdfDocument.Open(pdf);

        // The QR code is the page's only filled drawing: one unit square per dark module, as the renderer draws it.
        var squares = document.GetPage(1).Paths.Where(p => p.IsFilled).SelectMany(p => p).Select(s => s.GetBoundingRectangle()!.Value).ToList();
        using var expected = QRCodeGenerator.GenerateQrCode(VerificationUrl, QRCodeGenerator.ECCLevel.M);
        Assert.Equal(expected.ModuleMatrix.Sum(row => row.Cast<bool>().Count(dark => dark)), squares.Count);
        Assert.Equal(VerificationUrl, Decode(squares, expected.ModuleMatrix.Count));
    }

    [Fact]
    public void The_same_certificate_gives_the_same_bytes_and_a_change_gives_others()
    {
        var first = Render(Sample);

        Assert.Equal(first, Render(Sample with { Versions = [.. Sample.Versions] }));
        Assert.NotEqual(first, Render(Sample with { HolderName = "Zażółć Gęślą-Jaźń Łukasiewiczówna" }));
        Assert.True(first.Length < 80_000, $"{first.Length} bytes");
    }

    [Fact]
    public void Without_a_birth_date_the_line_is_left_out()
    {
        using var document = PdfDocument.Open(Render(Sample with { HolderBirthDate = null }));

        Assert.DoesNotContain("urodzony", Words(document.GetPage(1)), StringComparison.Ordinal);
    }

    /// <summary>The page's words with single spaces, so a phrase reads the same wherever its lines break.</summary>
    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static byte[] Render(CertificateRecord certificate) =>
        Renderer.Render(CertificateDocument.Compose(certificate, CertificateDocument.VerificationUrl(Institution, certificate.Number)));

    /// <summary>
    /// Paints the squares read from the PDF onto a white bitmap, four pixels a module, and lets ZXing read it as a
    /// scanner reads paper. The squares' extent is the symbol; the quiet zone is the white around it.
    /// </summary>
    private static string? Decode(IReadOnlyList<UglyToad.PdfPig.Core.PdfRectangle> squares, int modulesWithQuietZone)
    {
        const int Pixels = 4;
        var left = squares.Min(s => s.Left);
        var top = squares.Max(s => s.Top);
        var module = squares.Min(s => s.Width);
        var size = modulesWithQuietZone * Pixels;
        var quiet = 4 * Pixels;
        var image = Enumerable.Repeat((byte)255, size * size).ToArray();
        foreach (var square in squares)
        {
            var column = (int)Math.Round((square.Left - left) / module);
            var row = (int)Math.Round((top - square.Top) / module);
            for (var y = 0; y < Pixels; y++)
            {
                for (var x = 0; x < Pixels; x++)
                {
                    image[((quiet + (row * Pixels) + y) * size) + quiet + (column * Pixels) + x] = 0;
                }
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image, size, size, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })?.Text;
    }
}
