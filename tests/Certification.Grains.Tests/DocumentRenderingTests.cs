using Certification.Documents;
using Certification.Documents.Fonts;
using Certification.Documents.Layout;
using QRCoder;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Certification.Grains.Tests;

public sealed class DocumentRenderingTests
{
    private const double A4Width = 595.2756;
    private const double Margin = 20 * 72 / 25.4;
    private const double Tolerance = 0.01;

    private static readonly PdfDocumentRenderer Renderer = new();

    [Fact]
    public void Polish_letters_round_trip_in_both_weights()
    {
        var pdf = Render(
            new Heading("Zażółć gęślą jaźń"),
            new Paragraph([TextRun.Regular("Zażółć gęślą jaźń "), TextRun.Bold("ĄĆĘŁŃÓŚŹŻ"), TextRun.Regular(" ąćęłńóśźż")]));

        using var document = PdfDocument.Open(pdf);
        var text = document.GetPage(1).Text;
        Assert.Contains("Zażółć gęślą jaźń", text, StringComparison.Ordinal);
        Assert.Contains("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextAlignment.Left)]
    [InlineData(TextAlignment.Centre)]
    [InlineData(TextAlignment.Right)]
    [InlineData(TextAlignment.Justify)]
    public void A_long_paragraph_wraps_within_the_margins(TextAlignment alignment)
    {
        var sentence = string.Concat(Enumerable.Repeat("Zażółć gęślą jaźń, bo szkolenie z obsługi systemu CRM trwało szesnaście godzin. ", 12));
        var longWord = string.Concat(Enumerable.Repeat("Konstantynopolitańczykowianeczka", 6));
        var pdf = Render(new Paragraph(sentence + longWord + " koniec", alignment), new Paragraph(longWord, alignment, 14, FontWeight.Bold));

        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        Assert.All(words, word =>
        {
            Assert.True(word.BoundingBox.Right <= A4Width - Margin + Tolerance, $"'{word.Text}' ends at {word.BoundingBox.Right}");
            Assert.True(word.BoundingBox.Left >= Margin - Tolerance, $"'{word.Text}' starts at {word.BoundingBox.Left}");
        });
        Assert.True(words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() > 10, "the paragraph was not broken into lines");
        var letters = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Equal(2, letters.Split(longWord).Length - 1);
    }

    [Fact]
    public void Justified_lines_reach_both_margins()
    {
        var sentence = string.Concat(Enumerable.Repeat("Uczestnicy poznali zasady pracy z klientem w systemie CRM. ", 10));
        var pdf = Render(new Paragraph(sentence, TextAlignment.Justify));

        using var document = PdfDocument.Open(pdf);
        var lines = document.GetPage(1).GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key).ToList();
        Assert.True(lines.Count > 2);
        Assert.All(lines.Take(lines.Count - 1), line => Assert.Equal(A4Width - Margin, line.Max(w => w.BoundingBox.Right), 0.5));
        Assert.True(lines[^1].Max(w => w.BoundingBox.Right) < A4Width - Margin - 20, "the last line is not stretched");
    }

    [Fact]
    public void A_long_table_continues_on_the_next_page_under_a_repeated_header()
    {
        var rows = Enumerable.Range(1, 90)
            .Select(i => new TableRow([$"{i}.", $"Uczestnik{i} z opisem, który zawija się w komórce tabeli na kilka wierszy, aż do słowa koniec{i}", $"ocena{i}"]))
            .ToList();
        var table = new Table([new TableColumn("Lp.", 0.1), new TableColumn("Opis", 0.6), new TableColumn("Wynik", 0.3, TextAlignment.Right)], rows);
        var pdf = Render(new Heading("Lista obecności"), table);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        var pageOf = new Dictionary<string, int>();
        for (var p = 1; p <= document.NumberOfPages; p++)
        {
            var words = document.GetPage(p).GetWords().ToList();
            var header = words.Single(w => w.Text == "Opis");
            var rowWords = words.Where(w => w.Text.StartsWith("Uczestnik", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rowWords);
            Assert.All(rowWords, w => Assert.True(w.BoundingBox.Top < header.BoundingBox.Bottom, $"page {p}: '{w.Text}' is above the header"));
            foreach (var word in words.Where(w => w.Text.StartsWith("Uczestnik", StringComparison.Ordinal) || w.Text.StartsWith("koniec", StringComparison.Ordinal) || w.Text.StartsWith("ocena", StringComparison.Ordinal)))
            {
                Assert.True(pageOf.TryAdd(word.Text, p), $"{word.Text} is printed twice");
            }
        }

        // Every row is printed, and its first line, last line and last cell are on the same page.
        Assert.All(Enumerable.Range(1, 90), i =>
        {
            Assert.Equal(pageOf[$"Uczestnik{i}"], pageOf[$"koniec{i}"]);
            Assert.Equal(pageOf[$"Uczestnik{i}"], pageOf[$"ocena{i}"]);
        });
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_without_losing_lines()
    {
        var cell = string.Join('\n', Enumerable.Range(1, 120).Select(i => $"linia{i}"));
        var pdf = Render(new Table([new TableColumn("Treść", 1)], [new TableRow([cell])]));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        var printed = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).Where(t => t.StartsWith("linia", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"linia{i}"), printed);
        Assert.All(document.GetPages(), page => Assert.Contains("Treść", page.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_footer_numbers_every_page_with_the_callers_words()
    {
        var model = new DocumentModel([new Paragraph("Pierwsza"), new PageBreak(), new Paragraph("Druga"), new PageBreak(), new PageBreak(), new Paragraph("Trzecia")])
        {
            Footer = new PageFooter("Umowa nr 7/2026", "Strona {page} z {pages}"),
        };

        using var document = PdfDocument.Open(Renderer.Render(model));
        Assert.Equal(3, document.NumberOfPages);
        for (var p = 1; p <= 3; p++)
        {
            var page = document.GetPage(p);
            Assert.Contains($"Strona {p} z 3", page.Text, StringComparison.Ordinal);
            Assert.Contains("Umowa nr 7/2026", page.Text, StringComparison.Ordinal);
            Assert.All(page.GetWords().Where(w => w.Text == "Strona"), w => Assert.True(w.BoundingBox.Top < Margin, "the footer is not in the bottom margin"));
        }
    }

    [Fact]
    public void A_qr_code_is_drawn_as_one_filled_square_per_dark_module()
    {
        const string payload = "https://certyfikaty.example.pl/weryfikacja/ZS-2026-000123";
        var pdf = Render(new QrCode(payload, 40, HorizontalPosition.Left));

        using var qr = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var size = qr.ModuleMatrix.Count;
        var expected = new HashSet<(int Row, int Column)>();
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (qr.ModuleMatrix[row][column])
                {
                    expected.Add((row, column));
                }
            }
        }

        using var document = PdfDocument.Open(pdf);
        var squares = document.GetPage(1).Paths
            .Where(path => path.IsFilled)
            .SelectMany(path => path)
            .Select(subpath => subpath.GetBoundingRectangle()!.Value)
            .ToList();
        Assert.Equal(expected.Count, squares.Count);

        // Read the squares back into a module grid: the drawing is the code QRCoder encoded, module for module.
        var module = 40 * 72 / 25.4 / size;
        var top = document.GetPage(1).Height - Margin;
        var drawn = squares.Select(s => ((int)Math.Round((top - s.Top) / module), (int)Math.Round((s.Left - Margin) / module))).ToHashSet();
        Assert.True(squares.All(s => Math.Abs(s.Width - module) < Tolerance && Math.Abs(s.Height - module) < Tolerance));
        Assert.Equal(expected.OrderBy(m => m), drawn.OrderBy(m => m));
    }

    [Fact]
    public void The_same_model_renders_to_the_same_bytes()
    {
        var model = new DocumentModel(
        [
            new Heading("Faktura"),
            new Table([new TableColumn("Pozycja", 3), new TableColumn("Kwota", 1, TextAlignment.Right)], [new TableRow(["Szkolenie CRM", "1 200,00 zł"])]),
            new QrCode("https://example.pl/f/1", 25),
            new Image(TestImages.RgbPng(40, 30), 30),
        ])
        {
            Title = "Faktura nr 1/2026",
            Footer = new PageFooter(null, "Strona {page} z {pages}"),
        };

        var first = Renderer.Render(model);
        var second = new PdfDocumentRenderer().Render(model);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Images_are_scaled_to_the_requested_width_keeping_their_proportions()
    {
        var pdf = Render(new Image(TestImages.RgbPng(60, 60), 50, HorizontalPosition.Right), new Image(TestImages.HeaderOnlyJpeg(width: 320, height: 160), 80, HorizontalPosition.Left));

        using var document = PdfDocument.Open(pdf);
        var images = document.GetPage(1).GetImages().OrderByDescending(i => i.BoundingBox.Top).ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(50 * 72 / 25.4, images[0].BoundingBox.Width, 0.01);
        Assert.Equal(images[0].BoundingBox.Width, images[0].BoundingBox.Height, 0.01);
        Assert.Equal(A4Width - Margin, images[0].BoundingBox.Right, 0.01);
        Assert.Equal(80 * 72 / 25.4, images[1].BoundingBox.Width, 0.01);
        Assert.Equal(images[1].BoundingBox.Width / 2, images[1].BoundingBox.Height, 0.01);
    }

    [Fact]
    public void Landscape_pages_are_wider_than_tall()
    {
        var model = new DocumentModel([new Paragraph("Poziomo")]) { Page = PageSetup.A4Landscape };

        using var document = PdfDocument.Open(Renderer.Render(model));
        var page = document.GetPage(1);
        Assert.Equal(841.89, page.Width, 0.01);
        Assert.Equal(A4Width, page.Height, 0.01);
    }

    [Fact]
    public void A_signature_line_has_its_caption_under_it()
    {
        var pdf = Render(new Paragraph("Treść"), new SignatureLine("podpis trenera", 60, HorizontalPosition.Centre), new HorizontalRule());

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var lines = page.Paths.Where(p => p.IsStroked).Select(p => p.GetBoundingRectangle()!.Value).OrderByDescending(r => r.Top).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(60 * 72 / 25.4, lines[0].Width, 0.01);
        var caption = page.GetWords().Single(w => w.Text == "podpis");
        Assert.True(caption.BoundingBox.Top < lines[0].Bottom && caption.BoundingBox.Left > lines[0].Left);
        Assert.Equal(A4Width - (2 * Margin), lines[1].Width, 0.01);
    }

    [Fact]
    public void Signature_lines_side_by_side_share_the_column_at_one_height()
    {
        var pdf = Render(new SignatureLines(["pieczęć instytucji", "podpis osoby upoważnionej"], 60));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var lines = page.Paths.Where(p => p.IsStroked).Select(p => p.GetBoundingRectangle()!.Value).OrderBy(r => r.Left).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0].Bottom, lines[1].Bottom, 0.01);
        Assert.All(lines, line => Assert.Equal(60 * 72 / 25.4, line.Width, 0.01));
        Assert.True(lines[0].Right < A4Width / 2 && lines[1].Left > A4Width / 2);
        var stamp = page.GetWords().Single(w => w.Text == "pieczęć");
        var signature = page.GetWords().Single(w => w.Text == "podpis");
        Assert.True(stamp.BoundingBox.Top < lines[0].Bottom && stamp.BoundingBox.Left >= lines[0].Left && stamp.BoundingBox.Right <= lines[0].Right);
        Assert.True(signature.BoundingBox.Top < lines[1].Bottom && signature.BoundingBox.Left >= lines[1].Left);
    }

    [Fact]
    public void A_character_the_font_lacks_is_refused_with_its_code()
    {
        var error = Assert.Throws<ArgumentException>(() => Render(new Paragraph("Zhōngwén 中文")));

        Assert.Contains("U+4E2D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fonts_name_the_debian_package_to_install()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DocumentFonts.Load("/tmp/wt-docs/no-such-font-directory"));

        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_jpeg_header_gives_the_picture_size()
    {
        var header = ImageHeader.Read(TestImages.HeaderOnlyJpeg(width: 640, height: 480));

        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 640, 480), header);
    }

    [Fact]
    public void A_png_with_fewer_than_eight_bits_per_channel_is_refused_clearly()
    {
        var onebit = PngByteQRCodeHelper.GetQRCode("https://example.pl", QRCodeGenerator.ECCLevel.L, 4);

        var error = Assert.Throws<ArgumentException>(() => Render(new Image(onebit, 30)));

        Assert.Contains("8-bit PNG", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Render(params Block[] blocks) => Renderer.Render(new DocumentModel(blocks));
}
