namespace Certification.Documents;

/// <summary>One piece of a document's flow; the renderer places blocks one under another.</summary>
public abstract record Block;

public enum FontWeight
{
    Regular = 1,
    Bold = 2,
}

public enum TextAlignment
{
    Left = 1,
    Centre = 2,
    Right = 3,

    /// <summary>Both edges straight; the last line of a paragraph stays left-aligned.</summary>
    Justify = 4,
}

/// <summary>Where a block narrower than the text column (an image, a QR code, a signature line) sits.</summary>
public enum HorizontalPosition
{
    Left = 1,
    Centre = 2,
    Right = 3,
}

/// <summary>A stretch of text in one weight; a paragraph is a sequence of runs.</summary>
public sealed record TextRun(string Text, FontWeight Weight = FontWeight.Regular)
{
    public static TextRun Bold(string text) => new(text, FontWeight.Bold);

    public static TextRun Regular(string text) => new(text);
}

/// <summary>A title in bold; level 1 is the largest. A heading is never left alone at the bottom of a page.</summary>
public sealed record Heading(string Text, int Level = 1, TextAlignment Alignment = TextAlignment.Left) : Block;

/// <summary>Wrapped text; a line break in a run starts a new line.</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs, TextAlignment Alignment = TextAlignment.Left, double FontSize = 10) : Block
{
    public Paragraph(string text, TextAlignment alignment = TextAlignment.Left, double fontSize = 10, FontWeight weight = FontWeight.Regular)
        : this([new TextRun(text, weight)], alignment, fontSize)
    {
    }
}

public sealed record KeyValueItem(string Key, string Value);

/// <summary>Labelled facts in two columns, e.g. "Termin: 1–3 marca"; the keys take <see cref="KeyWidth"/> of the column.</summary>
public sealed record KeyValueList(IReadOnlyList<KeyValueItem> Items, double FontSize = 10) : Block
{
    public double KeyWidth { get; init; } = 0.35;

    public FontWeight ValueWeight { get; init; } = FontWeight.Bold;
}

/// <summary>A column of a table; <see cref="Width"/> is its share of the text column (shares are normalised).</summary>
public sealed record TableColumn(string Header, double Width, TextAlignment Alignment = TextAlignment.Left);

public sealed record TableRow(IReadOnlyList<string> Cells);

/// <summary>
/// A ruled table: cell text wraps, the header row is repeated on every page the table spans, and a row
/// is moved whole to the next page unless it is taller than a page.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, double FontSize = 9) : Block;

/// <summary>A PNG or JPEG picture printed <see cref="WidthMm"/> wide, its height following the picture's proportions.</summary>
public sealed record Image(byte[] Data, double WidthMm, HorizontalPosition Position = HorizontalPosition.Centre) : Block;

/// <summary>
/// A QR code drawn as vector squares. <see cref="SizeMm"/> is the whole printed square, including the white
/// quiet zone of four modules that scanners need around the symbol.
/// </summary>
public sealed record QrCode(string Payload, double SizeMm, HorizontalPosition Position = HorizontalPosition.Centre) : Block;

public sealed record Spacer(double HeightMm) : Block;

public sealed record HorizontalRule(double ThicknessPt = 0.5) : Block;

/// <summary>Room for a handwritten signature: a line with a caption under it.</summary>
public sealed record SignatureLine(string Caption, double WidthMm = 70, HorizontalPosition Position = HorizontalPosition.Right) : Block;

/// <summary>
/// Room for several signatures side by side (a stamp and a signature, both parties of a contract): the text column is
/// shared equally and each line, at most <see cref="WidthMm"/> wide, is centred in its share with its caption under it.
/// </summary>
public sealed record SignatureLines(IReadOnlyList<string> Captions, double WidthMm = 70) : Block;

/// <summary>Starts a new page; ignored at the top of a page, so it never produces a blank one.</summary>
public sealed record PageBreak : Block;
