using System.Diagnostics;
using Certification.Documents;
using QRCoder;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Certification.Grains.Tests;

public sealed class ParticipationCertificateTests(ITestOutputHelper output)
{
    private static readonly PdfDocumentRenderer Renderer = new();

    private static readonly ParticipationCertificateData Sample = new(
        Number: "ZS/2026/000123",
        ParticipantFullName: "Zażółć Gęślą-Jaźń Łukasiewicz",
        TrainingTitle: "Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM",
        From: new DateOnly(2026, 3, 2),
        To: new DateOnly(2026, 3, 4),
        Hours: 24,
        Location: "Kraków, ul. Świętokrzyska 5",
        Trainer: "Małgorzata Żółkiewska",
        OrganiserName: "Centrum Szkoleń i Certyfikacji Sp. z o.o.",
        IssuedOn: new DateOnly(2026, 3, 6),
        VerificationUrl: "https://certyfikaty.example.pl/weryfikacja/ZS-2026-000123");

    [Fact]
    public void A_polish_certificate_states_the_participant_the_number_and_the_dates()
    {
        var pdf = Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = document.GetPage(1).Text;
        Assert.Contains("Zaświadczenie o ukończeniu szkolenia", text, StringComparison.Ordinal);
        Assert.Contains("Zażółć Gęślą-Jaźń Łukasiewicz", text, StringComparison.Ordinal);
        Assert.Contains("ZS/2026/000123", text, StringComparison.Ordinal);
        Assert.Contains("2 marca 2026", text, StringComparison.Ordinal);
        Assert.Contains("4 marca 2026", text, StringComparison.Ordinal);
        Assert.Contains("Małgorzata Żółkiewska", text, StringComparison.Ordinal);
        Assert.Contains(Sample.VerificationUrl, text, StringComparison.Ordinal);
        Assert.Equal("Zaświadczenie o ukończeniu szkolenia nr ZS/2026/000123", document.Information.Title);
    }

    [Fact]
    public void An_english_certificate_speaks_english()
    {
        var pdf = Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.English));

        using var document = PdfDocument.Open(pdf);
        var text = document.GetPage(1).Text;
        Assert.Contains("Certificate of training completion", text, StringComparison.Ordinal);
        Assert.Contains("2 March 2026 – 4 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("Zażółć Gęślą-Jaźń Łukasiewicz", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zaświadczenie", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_carries_the_verification_address_as_a_qr_code()
    {
        var pdf = Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish));

        using var qr = QRCodeGenerator.GenerateQrCode(Sample.VerificationUrl, QRCodeGenerator.ECCLevel.M);
        var darkModules = qr.ModuleMatrix.Sum(row => row.Cast<bool>().Count(dark => dark));
        using var document = PdfDocument.Open(pdf);
        var filled = document.GetPage(1).Paths.Where(p => p.IsFilled).Sum(p => p.Count);
        Assert.Equal(darkModules, filled);
    }

    [Fact]
    public void A_certificate_is_small_because_only_the_glyphs_used_are_embedded()
    {
        var pdf = Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish));

        Assert.True(pdf.Length < 60_000, $"{pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPage(1).Letters, letter => Assert.StartsWith("DejaVuSans", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_is_regenerated_byte_for_byte()
    {
        var model = ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish);

        Assert.Equal(Renderer.Render(model), Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish)));
    }

    /// <summary>A figure, not a limit: the issue of certificates targets 1,000 in under 10 s.</summary>
    [Fact]
    public void Rendering_a_thousand_certificates_reports_its_time()
    {
        for (var i = 0; i < 300; i++)
        {
            Renderer.Render(ParticipationCertificate.Compose(Sample, ParticipationCertificateLabels.Polish));
        }

        var models = Enumerable.Range(1, 1000)
            .Select(i => ParticipationCertificate.Compose(Sample with { Number = $"ZS/2026/{i:D6}" }, ParticipationCertificateLabels.Polish))
            .ToList();

        var clock = Stopwatch.StartNew();
        var bytes = models.Sum(model => (long)Renderer.Render(model).Length);
        var sequential = clock.Elapsed;
        clock.Restart();
        Parallel.ForEach(models, model => Renderer.Render(model));
        var parallel = clock.Elapsed;

        output.WriteLine(
            $"1000 participation certificates: {sequential.TotalSeconds:F2} s on one thread ({sequential.TotalMilliseconds / 1000:F1} ms each, " +
            $"{bytes / 1000 / 1024.0:F1} KB each), {parallel.TotalSeconds:F2} s on {Environment.ProcessorCount} cores");
        Assert.True(bytes > 0);
    }
}
