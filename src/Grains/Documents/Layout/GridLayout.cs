namespace Certification.Documents.Layout;

internal sealed record GridColumn(double Width, TextAlignment Alignment);

/// <summary>A row of a grid: each cell is the runs of its text.</summary>
internal sealed record GridRow(IReadOnlyList<IReadOnlyList<TextRun>> Cells);

internal sealed record GridStyle(double FontSize, bool Ruled, double PaddingX, double PaddingY)
{
    public const double RuleThickness = 0.5;
    public const double HeaderGrey = 0.9;
}

/// <summary>
/// Rows of wrapped cells: tables and key–value lists. A row that fits on a page is never split; the header
/// row, if any, is drawn again at the top of every page the grid continues on.
/// </summary>
internal sealed class GridLayout
{
    private readonly PageCursor _page;
    private readonly TextSetter _text;
    private readonly GridStyle _style;
    private readonly List<GridColumn> _columns;
    private readonly double[] _columnLefts;
    private readonly double _lineHeight;
    private WrappedRow? _header;

    public GridLayout(PageCursor page, TextSetter text, GridStyle style, IReadOnlyList<double> shares, IReadOnlyList<TextAlignment> alignments)
    {
        if (shares.Count == 0 || shares.Any(share => !(share > 0)))
        {
            throw new ArgumentException("A table needs at least one column, and every column a width greater than zero.", nameof(shares));
        }

        _page = page;
        _text = text;
        _style = style;
        var total = shares.Sum();
        _columns = shares.Select((share, i) => new GridColumn(page.ContentWidth * share / total, alignments[i])).ToList();
        _columnLefts = new double[_columns.Count + 1];
        _columnLefts[0] = page.Left;
        for (var i = 0; i < _columns.Count; i++)
        {
            _columnLefts[i + 1] = _columnLefts[i] + _columns[i].Width;
        }

        _lineHeight = TextSetter.LineHeight(style.FontSize);
    }

    public void Place(GridRow? header, IReadOnlyList<GridRow> rows)
    {
        _header = header is null ? null : Wrap(header);
        var wrapped = rows.Select(Wrap).ToList();
        if (_header is not null)
        {
            var first = wrapped.Count > 0 ? Math.Min(wrapped[0].Height, FreshPageCapacity) : 0;
            _page.Reserve(_header.Height + first);
            DrawSlice(_header, _header.From(), isHeader: true);
        }

        foreach (var row in wrapped)
        {
            PlaceRow(row);
        }
    }

    private double HeaderHeight => _header?.Height ?? 0;

    private double FreshPageCapacity => _page.ContentHeight - HeaderHeight;

    private void PlaceRow(WrappedRow row)
    {
        var progress = row.From();
        while (true)
        {
            var needed = row.HeightFrom(progress, _lineHeight, _style.PaddingY);
            var roomForOneLine = (2 * _style.PaddingY) + _lineHeight;
            if (needed > _page.Remaining && (needed <= FreshPageCapacity || _page.Remaining < roomForOneLine))
            {
                ContinueOnNewPage();
            }

            var fitting = (int)Math.Floor((_page.Remaining - (2 * _style.PaddingY)) / _lineHeight);
            var next = row.Advance(progress, Math.Max(1, fitting));
            DrawSlice(row, progress, next, isHeader: false);
            if (row.IsDone(next))
            {
                return;
            }

            progress = next;
            ContinueOnNewPage();
        }
    }

    private void ContinueOnNewPage()
    {
        _page.NewPage();
        if (_header is not null)
        {
            DrawSlice(_header, _header.From(), isHeader: true);
        }
    }

    private void DrawSlice(WrappedRow row, int[] from, bool isHeader) => DrawSlice(row, from, row.Advance(from, int.MaxValue), isHeader);

    private void DrawSlice(WrappedRow row, int[] from, int[] to, bool isHeader)
    {
        var lines = Math.Max(1, Enumerable.Range(0, _columns.Count).Max(c => to[c] - from[c]));
        var height = (lines * _lineHeight) + (2 * _style.PaddingY);
        var top = _page.Y;
        if (isHeader)
        {
            _page.Draw(new FilledBox(new Box(_page.Left, _page.PdfY(top + height), _page.ContentWidth, height), GridStyle.HeaderGrey));
        }

        for (var c = 0; c < _columns.Count; c++)
        {
            var left = _columnLefts[c] + _style.PaddingX;
            var width = _columns[c].Width - (2 * _style.PaddingX);
            for (var i = from[c]; i < to[c]; i++)
            {
                var lineTop = top + _style.PaddingY + ((i - from[c]) * _lineHeight);
                _text.Draw(_page, row.Cells[c][i], left, width, lineTop, _style.FontSize, _columns[c].Alignment);
            }
        }

        if (_style.Ruled)
        {
            DrawRules(top, top + height);
        }

        _page.Advance(height);
    }

    private void DrawRules(double top, double bottom)
    {
        var (pdfTop, pdfBottom) = (_page.PdfY(top), _page.PdfY(bottom));
        _page.Draw(new LineDrawing(_page.Left, pdfTop, _page.Right, pdfTop, GridStyle.RuleThickness));
        _page.Draw(new LineDrawing(_page.Left, pdfBottom, _page.Right, pdfBottom, GridStyle.RuleThickness));
        foreach (var x in _columnLefts)
        {
            _page.Draw(new LineDrawing(x, pdfTop, x, pdfBottom, GridStyle.RuleThickness));
        }
    }

    private WrappedRow Wrap(GridRow row)
    {
        if (row.Cells.Count != _columns.Count)
        {
            throw new ArgumentException($"A row has {row.Cells.Count} cells but the table has {_columns.Count} columns.", nameof(row));
        }

        var wrapped = row.Cells
            .Select((runs, c) => _text.Wrap(runs, _style.FontSize, _columns[c].Width - (2 * _style.PaddingX)))
            .ToList();
        return new WrappedRow(wrapped, (Math.Max(1, wrapped.Max(lines => lines.Count)) * _lineHeight) + (2 * _style.PaddingY));
    }

    /// <summary>A row's cells as lines; progress through it is the next line of each cell, for rows that span pages.</summary>
    private sealed record WrappedRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells, double Height)
    {
        public int[] From() => new int[Cells.Count];

        public int[] Advance(int[] from, int lines) => from.Select((line, c) => (int)Math.Min(Cells[c].Count, (long)line + lines)).ToArray();

        public bool IsDone(int[] progress) => progress.Select((line, c) => line >= Cells[c].Count).All(done => done);

        public double HeightFrom(int[] progress, double lineHeight, double paddingY) =>
            (Math.Max(1, progress.Select((line, c) => Cells[c].Count - line).Max()) * lineHeight) + (2 * paddingY);
    }
}
