using Certification.Documents.Fonts;
using Certification.Documents.Layout;
using UglyToad.PdfPig.Writer;

namespace Certification.Documents.Pdf;

/// <summary>The faces a document's text uses, each added to the PDF cut down to that document's characters.</summary>
internal sealed class EmbeddedFonts
{
    // PdfPig writes TrueType fonts with a one-byte encoding of its own: code 0 is reserved, 1 to 255 are assigned as characters appear.
    private const int MaxCharactersPerFont = 255;

    private readonly Dictionary<FontWeight, PdfDocumentBuilder.AddedFont> _added = [];

    private EmbeddedFonts()
    {
    }

    public PdfDocumentBuilder.AddedFont this[FontWeight weight] => _added[weight];

    public static EmbeddedFonts Add(PdfDocumentBuilder builder, DocumentFonts fonts, IReadOnlyList<LaidOutPage> pages)
    {
        var embedded = new EmbeddedFonts();
        var used = pages
            .SelectMany(page => page.Drawings.OfType<TextDrawing>())
            .GroupBy(text => text.Weight)
            .OrderBy(group => group.Key);
        foreach (var group in used)
        {
            var characters = group.SelectMany(text => text.Text).ToHashSet();
            if (characters.Count > MaxCharactersPerFont)
            {
                throw new NotSupportedException(
                    $"The document uses {characters.Count} different characters in {group.Key} text; PdfPig embeds at most {MaxCharactersPerFont} per font.");
            }

            embedded._added[group.Key] = builder.AddTrueTypeFont(fonts.For(group.Key).KeepingOnly(characters));
        }

        return embedded;
    }
}
