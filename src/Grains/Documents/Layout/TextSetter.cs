using Certification.Documents.Fonts;

namespace Certification.Documents.Layout;

/// <summary>Wraps text to a column and draws the lines; every block that shows text goes through here.</summary>
internal sealed class TextSetter(DocumentFonts fonts)
{
    private const double LineSpacing = 1.25;

    public DocumentFonts Fonts { get; } = fonts;

    public static double LineHeight(double size) => size * LineSpacing;

    public IReadOnlyList<TextLine> Wrap(IReadOnlyList<TextRun> runs, double size, double width) =>
        TextWrapper.Wrap(runs, size, width, Fonts);

    public IReadOnlyList<TextLine> Wrap(string text, FontWeight weight, double size, double width) =>
        Wrap([new TextRun(text, weight)], size, width);

    /// <summary>Draws <paramref name="line"/> in the line box whose top is <paramref name="top"/> points from the top of the page.</summary>
    public void Draw(PageCursor page, TextLine line, double left, double width, double top, double size, TextAlignment alignment)
    {
        foreach (var drawing in Set(line, left, width, page.PdfY(top + BaselineOffset(size)), size, alignment))
        {
            page.Draw(drawing);
        }
    }

    /// <summary>The drawings of <paramref name="line"/> on the given baseline, in PDF coordinates.</summary>
    public static IEnumerable<TextDrawing> Set(TextLine line, double left, double width, double baseline, double size, TextAlignment alignment)
    {
        var justify = alignment == TextAlignment.Justify && !line.EndsParagraph && line.Gaps > 0;
        var stretch = justify ? (width - line.Width) / line.Gaps : 0;
        var start = alignment switch
        {
            TextAlignment.Centre => left + ((width - line.Width) / 2),
            TextAlignment.Right => left + width - line.Width,
            _ => left,
        };

        foreach (var segment in Merge(line.Segments, keepWordsApart: justify))
        {
            yield return new TextDrawing(start + segment.Offset + (segment.GapsBefore * stretch), baseline, segment.Text, segment.Weight, size);
        }
    }

    /// <summary>The line's baseline below its top: the leading is shared equally above and below the glyphs.</summary>
    private double BaselineOffset(double size)
    {
        var face = Fonts.Regular;
        var glyphHeight = face.Ascent + face.Descent;
        return size * (((LineSpacing - glyphHeight) / 2) + face.Ascent);
    }

    /// <summary>Neighbouring segments of one weight become one text drawing; when justifying, only within a word.</summary>
    private static IEnumerable<LineSegment> Merge(IReadOnlyList<LineSegment> segments, bool keepWordsApart)
    {
        LineSegment? pending = null;
        foreach (var segment in segments)
        {
            if (pending is not null && pending.Weight == segment.Weight && (!keepWordsApart || pending.GapsBefore == segment.GapsBefore))
            {
                pending = pending with { Text = pending.Text + segment.Text };
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = segment;
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
