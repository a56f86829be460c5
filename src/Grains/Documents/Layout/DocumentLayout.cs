using Certification.Documents.Fonts;
using QRCoder;

namespace Certification.Documents.Layout;

/// <summary>Places a document's blocks on pages: the pagination rules live here, the drawing in the renderer.</summary>
internal sealed class DocumentLayout
{
    private const double BodySize = 10;
    private const double CaptionSize = 8;
    private static readonly double BlockGap = Units.Pt(3);
    private static readonly double SignatureRoom = Units.Pt(15);
    private static readonly double SignatureGap = Units.Pt(10);
    private static readonly double RuleMargin = Units.Pt(2);

    private readonly DocumentModel _document;
    private readonly PageCursor _page;
    private readonly TextSetter _text;

    private DocumentLayout(DocumentModel document, DocumentFonts fonts)
    {
        _document = document;
        _page = new PageCursor(document.Page);
        _text = new TextSetter(fonts);
    }

    public static IReadOnlyList<LaidOutPage> Lay(DocumentModel document, DocumentFonts fonts)
    {
        var layout = new DocumentLayout(document, fonts);
        foreach (var block in document.Blocks)
        {
            layout.Place(block);
        }

        layout.DrawFooters();
        return layout._page.Pages.Select(drawings => new LaidOutPage(layout._page.Width, layout._page.Height, drawings)).ToList();
    }

    private void Place(Block block)
    {
        switch (block)
        {
            case Heading heading:
                PlaceHeading(heading);
                break;
            case Paragraph paragraph:
                PlaceLines(paragraph.Runs, paragraph.FontSize, paragraph.Alignment);
                _page.Advance(BlockGap);
                break;
            case KeyValueList list:
                PlaceKeyValues(list);
                break;
            case Table table:
                PlaceTable(table);
                break;
            case Image image:
                PlaceImage(image);
                break;
            case QrCode qr:
                PlaceQrCode(qr);
                break;
            case Spacer spacer:
                _page.Advance(Units.Pt(spacer.HeightMm));
                break;
            case HorizontalRule rule:
                PlaceRule(rule);
                break;
            case SignatureLine signature:
                PlaceSignature(signature);
                break;
            case SignatureLines signatures:
                PlaceSignatures(signatures);
                break;
            case PageBreak when !_page.AtTopOfPage:
                _page.NewPage();
                break;
            case PageBreak:
                break;
            default:
                throw new NotSupportedException($"The renderer does not know how to lay out {block.GetType().Name}.");
        }
    }

    private void PlaceHeading(Heading heading)
    {
        var size = heading.Level switch { <= 1 => 18, 2 => 14, _ => 12 };
        var lines = _text.Wrap(heading.Text, FontWeight.Bold, size, _page.ContentWidth);

        // A heading needs a few lines of what it introduces under it, or it moves to the next page with them.
        _page.Reserve((lines.Count * TextSetter.LineHeight(size)) + (3 * TextSetter.LineHeight(BodySize)));
        PlaceLines(lines, size, heading.Alignment);
        _page.Advance(BlockGap / 2);
    }

    private void PlaceLines(IReadOnlyList<TextRun> runs, double size, TextAlignment alignment) =>
        PlaceLines(_text.Wrap(runs, size, _page.ContentWidth), size, alignment);

    private void PlaceLines(IReadOnlyList<TextLine> lines, double size, TextAlignment alignment)
    {
        var height = TextSetter.LineHeight(size);
        foreach (var line in lines)
        {
            _page.Reserve(height);
            _text.Draw(_page, line, _page.Left, _page.ContentWidth, _page.Y, size, alignment);
            _page.Advance(height);
        }
    }

    private void PlaceKeyValues(KeyValueList list)
    {
        var grid = new GridLayout(
            _page, _text, new GridStyle(list.FontSize, Ruled: false, PaddingX: Units.Pt(1), PaddingY: Units.Pt(0.5)),
            [list.KeyWidth, 1 - list.KeyWidth], [TextAlignment.Left, TextAlignment.Left]);
        grid.Place(null, list.Items.Select(item => new GridRow([[new TextRun(item.Key)], [new TextRun(item.Value, list.ValueWeight)]])).ToList());
        _page.Advance(BlockGap);
    }

    private void PlaceTable(Table table)
    {
        var grid = new GridLayout(
            _page, _text, new GridStyle(table.FontSize, Ruled: true, PaddingX: Units.Pt(1.5), PaddingY: Units.Pt(1)),
            table.Columns.Select(c => c.Width).ToList(), table.Columns.Select(c => c.Alignment).ToList());
        var header = new GridRow(table.Columns.Select(c => Cell(TextRun.Bold(c.Header))).ToList());
        grid.Place(header, table.Rows.Select(row => new GridRow(row.Cells.Select(text => Cell(new TextRun(text))).ToList())).ToList());
        _page.Advance(BlockGap);
    }

    private static IReadOnlyList<TextRun> Cell(TextRun run) => [run];

    private void PlaceImage(Image image)
    {
        var header = ImageHeader.Read(image.Data);
        var width = Math.Min(Units.Pt(image.WidthMm), _page.ContentWidth);
        var height = width * header.Height / header.Width;
        if (height > _page.ContentHeight)
        {
            (width, height) = (width * _page.ContentHeight / height, _page.ContentHeight);
        }

        _page.Reserve(height);
        _page.Draw(new ImageDrawing(new Box(Horizontally(image.Position, width), _page.PdfY(_page.Y + height), width, height), image.Data, header.Format));
        _page.Advance(height + BlockGap);
    }

    private void PlaceQrCode(QrCode qr)
    {
        using var data = QRCodeGenerator.GenerateQrCode(qr.Payload, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = Math.Min(Units.Pt(qr.SizeMm), Math.Min(_page.ContentWidth, _page.ContentHeight));
        _page.Reserve(size);
        var dark = new List<(int Row, int Column)>();
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count; column++)
            {
                if (modules[row][column])
                {
                    dark.Add((row, column));
                }
            }
        }

        _page.Draw(new ModuleGrid(new Box(Horizontally(qr.Position, size), _page.PdfY(_page.Y + size), size, size), modules.Count, dark));
        _page.Advance(size + BlockGap);
    }

    private void PlaceRule(HorizontalRule rule)
    {
        _page.Reserve(2 * RuleMargin);
        var y = _page.PdfY(_page.Y + RuleMargin);
        _page.Draw(new LineDrawing(_page.Left, y, _page.Right, y, rule.ThicknessPt));
        _page.Advance(2 * RuleMargin);
    }

    private void PlaceSignature(SignatureLine signature)
    {
        var width = Math.Min(Units.Pt(signature.WidthMm), _page.ContentWidth);
        PlaceSignatureRow([(Horizontally(signature.Position, width), width, signature.Caption)]);
    }

    private void PlaceSignatures(SignatureLines signatures)
    {
        if (signatures.Captions.Count == 0)
        {
            return;
        }

        var share = _page.ContentWidth / signatures.Captions.Count;
        var width = Math.Min(Units.Pt(signatures.WidthMm), share - SignatureGap);
        PlaceSignatureRow([.. signatures.Captions.Select((caption, i) => (_page.Left + (i * share) + ((share - width) / 2), width, caption))]);
    }

    /// <summary>Signature lines at one height, each with its caption under it; the row moves to the next page whole.</summary>
    private void PlaceSignatureRow(IReadOnlyList<(double Left, double Width, string Caption)> signatures)
    {
        var captions = signatures.Select(s => _text.Wrap(s.Caption, FontWeight.Regular, CaptionSize, s.Width)).ToList();
        var captionHeight = captions.Max(c => c.Count) * TextSetter.LineHeight(CaptionSize);
        _page.Reserve(SignatureRoom + captionHeight);
        var y = _page.PdfY(_page.Y + SignatureRoom);
        _page.Advance(SignatureRoom);
        for (var i = 0; i < signatures.Count; i++)
        {
            var (left, width, _) = signatures[i];
            _page.Draw(new LineDrawing(left, y, left + width, y, GridStyle.RuleThickness));
            var top = _page.Y;
            foreach (var line in captions[i])
            {
                _text.Draw(_page, line, left, width, top, CaptionSize, TextAlignment.Centre);
                top += TextSetter.LineHeight(CaptionSize);
            }
        }

        _page.Advance(captionHeight + BlockGap);
    }

    private double Horizontally(HorizontalPosition position, double width) => position switch
    {
        HorizontalPosition.Centre => _page.Left + ((_page.ContentWidth - width) / 2),
        HorizontalPosition.Right => _page.Right - width,
        _ => _page.Left,
    };

    /// <summary>Footers go inside the bottom margin, half-way down it, once the number of pages is known.</summary>
    private void DrawFooters()
    {
        if (_document.Footer is not { } footer)
        {
            return;
        }

        var baseline = (Units.Pt(_document.Page.Margins.BottomMm) / 2) - (CaptionSize / 3);
        var pageCount = _page.Pages.Count;
        for (var i = 0; i < pageCount; i++)
        {
            DrawFooterText(i, footer.Text, baseline, TextAlignment.Left);
            DrawFooterText(i, footer.PageNumbersFor(i + 1, pageCount), baseline, TextAlignment.Right);
        }
    }

    private void DrawFooterText(int pageIndex, string? text, double baseline, TextAlignment alignment)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var line in _text.Wrap(text, FontWeight.Regular, CaptionSize, _page.ContentWidth).Take(1))
        {
            foreach (var drawing in TextSetter.Set(line, _page.Left, _page.ContentWidth, baseline, CaptionSize, alignment))
            {
                _page.DrawOn(pageIndex, drawing);
            }
        }
    }
}
