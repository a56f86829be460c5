using System.Text;
using Certification.Documents.Fonts;

namespace Certification.Documents.Layout;

/// <summary>A piece of one line in one weight, <see cref="Offset"/> points from the line's start.</summary>
internal sealed record LineSegment(double Offset, string Text, FontWeight Weight, int GapsBefore);

/// <summary>A wrapped line; <see cref="EndsParagraph"/> lines (and lines ended by a line break) are not justified.</summary>
internal sealed record TextLine(IReadOnlyList<LineSegment> Segments, double Width, bool EndsParagraph)
{
    public int Gaps => Segments.Count == 0 ? 0 : Segments[^1].GapsBefore;
}

/// <summary>
/// Breaks runs of text into lines no wider than a column: at spaces, and inside a word only when the word
/// alone is wider than the column. A no-break space keeps its neighbours together.
/// </summary>
internal sealed class TextWrapper
{
    private const char SoftHyphen = '\u00AD';

    private readonly DocumentFonts _fonts;
    private readonly double _size;
    private readonly double _maxWidth;
    private readonly List<TextLine> _lines = [];
    private readonly List<LineSegment> _line = [];
    private readonly List<(StringBuilder Text, FontWeight Weight)> _word = [];
    private double _lineWidth;
    private int _gaps;
    private bool _spacePending;

    private TextWrapper(DocumentFonts fonts, double size, double maxWidth)
    {
        _fonts = fonts;
        _size = size;
        _maxWidth = maxWidth;
    }

    public static IReadOnlyList<TextLine> Wrap(IReadOnlyList<TextRun> runs, double size, double maxWidth, DocumentFonts fonts)
    {
        var wrapper = new TextWrapper(fonts, size, maxWidth);
        foreach (var run in runs)
        {
            wrapper.Add(run);
        }

        wrapper.FlushWord();
        if (wrapper._line.Count > 0)
        {
            wrapper.EndLine(endsParagraph: true);
        }

        return wrapper._lines;
    }

    private void Add(TextRun run)
    {
        foreach (var c in run.Text)
        {
            switch (c)
            {
                case '\n':
                    FlushWord();
                    EndLine(endsParagraph: true);
                    break;
                case ' ' or '\t':
                    FlushWord();
                    _spacePending = _line.Count > 0;
                    break;
                case SoftHyphen or < ' ':
                    break;
                default:
                    AppendToWord(c, run.Weight);
                    break;
            }
        }
    }

    private void AppendToWord(char c, FontWeight weight)
    {
        if (!_fonts.For(weight).Covers(c))
        {
            throw new ArgumentException(
                $"The character '{c}' (U+{(int)c:X4}) is not in the font {_fonts.For(weight).Name}, so the document cannot show it.");
        }

        if (_word.Count == 0 || _word[^1].Weight != weight)
        {
            _word.Add((new StringBuilder(), weight));
        }

        _word[^1].Text.Append(c);
    }

    private void FlushWord()
    {
        if (_word.Count == 0)
        {
            return;
        }

        var pieces = _word.Select(p => (Text: p.Text.ToString(), p.Weight)).ToList();
        _word.Clear();
        var wordWidth = pieces.Sum(p => Measure(p.Text, p.Weight));
        var space = _spacePending && _line.Count > 0 ? Measure(" ", _line[^1].Weight) : 0;
        _spacePending = false;

        if (_line.Count > 0 && _lineWidth + space + wordWidth > _maxWidth)
        {
            EndLine(endsParagraph: false);
            space = 0;
        }

        if (wordWidth > _maxWidth)
        {
            PlaceLetterByLetter(pieces);
            return;
        }

        if (space > 0)
        {
            _line[^1] = _line[^1] with { Text = _line[^1].Text + " " };
            _lineWidth += space;
            _gaps++;
        }

        foreach (var (text, weight) in pieces)
        {
            Place(text, weight);
        }
    }

    /// <summary>A word wider than the column (a long URL, a number without spaces) is cut where the column ends.</summary>
    private void PlaceLetterByLetter(List<(string Text, FontWeight Weight)> pieces)
    {
        foreach (var (text, weight) in pieces)
        {
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var pending = text.AsSpan(start, i - start + 1);
                if (_lineWidth + Measure(pending, weight) > _maxWidth && (_line.Count > 0 || i > start))
                {
                    if (i > start)
                    {
                        Place(text[start..i], weight);
                    }

                    EndLine(endsParagraph: false);
                    start = i;
                }
            }

            Place(text[start..], weight);
        }
    }

    private void Place(string text, FontWeight weight)
    {
        _line.Add(new LineSegment(_lineWidth, text, weight, _gaps));
        _lineWidth += Measure(text, weight);
    }

    private void EndLine(bool endsParagraph)
    {
        _lines.Add(new TextLine([.. _line], _lineWidth, endsParagraph));
        _line.Clear();
        _lineWidth = 0;
        _gaps = 0;
        _spacePending = false;
    }

    private double Measure(ReadOnlySpan<char> text, FontWeight weight) => _fonts.For(weight).Measure(text, _size);
}
