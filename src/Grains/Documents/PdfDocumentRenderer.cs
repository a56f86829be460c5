using Certification.Documents.Fonts;
using Certification.Documents.Layout;
using Certification.Documents.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations.PathConstruction;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace Certification.Documents;

/// <summary>
/// Renders documents with PdfPig's <see cref="PdfDocumentBuilder"/>: the layout is ours, PdfPig writes the file and
/// embeds DejaVu Sans as subsets holding just the characters used. Stateless and thread-safe: one instance serves the process.
/// </summary>
public sealed class PdfDocumentRenderer : IDocumentRenderer
{
    public byte[] Render(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fonts = DocumentFonts.Default;
        var pages = DocumentLayout.Lay(document, fonts);

        using var builder = new PdfDocumentBuilder();
        if (document.Title is { Length: > 0 } title)
        {
            builder.DocumentInformation.Title = title;
        }

        var embedded = EmbeddedFonts.Add(builder, fonts, pages);
        foreach (var page in pages)
        {
            Draw(builder.AddPage(page.Width, page.Height), page, embedded);
        }

        return PdfFileIdentifier.MakeDeterministic(builder.Build());
    }

    private static void Draw(PdfPageBuilder pdf, LaidOutPage page, EmbeddedFonts fonts)
    {
        foreach (var drawing in page.Drawings)
        {
            switch (drawing)
            {
                case TextDrawing text:
                    pdf.AddText(text.Text, text.Size, new PdfPoint(text.X, text.Baseline), fonts[text.Weight]);
                    break;
                case LineDrawing line:
                    pdf.DrawLine(new PdfPoint(line.X1, line.Y1), new PdfPoint(line.X2, line.Y2), line.Thickness);
                    break;
                case FilledBox box:
                    Fill(pdf, box);
                    break;
                case ModuleGrid grid:
                    Fill(pdf, grid);
                    break;
                case ImageDrawing image:
                    var place = new PdfRectangle(image.Place.X, image.Place.Y, image.Place.X + image.Place.Width, image.Place.Y + image.Place.Height);
                    _ = image.Format == ImageFormat.Png ? pdf.AddPng(image.Data, place) : pdf.AddJpeg(image.Data, place);
                    break;
                default:
                    throw new NotSupportedException($"The PDF renderer cannot draw {drawing.GetType().Name}.");
            }
        }
    }

    // Filled without stroking: PdfPig's filled rectangle also strokes its outline, which makes it half a line wider.
    private static void Fill(PdfPageBuilder pdf, FilledBox filled)
    {
        var grey = (byte)Math.Round(filled.Grey * byte.MaxValue);
        pdf.SetTextAndFillColor(grey, grey, grey);
        var operations = pdf.CurrentStream.Operations;
        operations.Add(new AppendRectangle(filled.Box.X, filled.Box.Y, filled.Box.Width, filled.Box.Height));
        operations.Add(FillPathNonZeroWinding.Value);
        pdf.ResetColor();
    }

    /// <summary>
    /// Each module is a unit square in a coordinate system scaled to the module size: small whole numbers keep
    /// the content stream short, which for a QR code's hundreds of squares is most of the rendering time.
    /// </summary>
    private static void Fill(PdfPageBuilder pdf, ModuleGrid grid)
    {
        var operations = pdf.CurrentStream.Operations;
        var module = grid.Place.Width / grid.Modules;
        operations.Add(Push.Value);
        operations.Add(new ModifyCurrentTransformationMatrix([module, 0, 0, module, grid.Place.X, grid.Place.Y]));
        foreach (var (row, column) in grid.Dark)
        {
            operations.Add(new AppendRectangle(column, grid.Modules - 1 - row, 1, 1));
        }

        operations.Add(FillPathNonZeroWinding.Value);
        operations.Add(Pop.Value);
    }
}
