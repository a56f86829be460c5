namespace Certification.Documents;

/// <summary>
/// A document as the platform describes it, independent of PDF: blocks that flow down the page and are
/// paginated by the renderer. Lengths are in millimetres and font sizes in points, as on paper.
/// </summary>
public sealed record DocumentModel(IReadOnlyList<Block> Blocks)
{
    public PageSetup Page { get; init; } = PageSetup.A4Portrait;

    /// <summary>Printed at the bottom of every page; none by default.</summary>
    public PageFooter? Footer { get; init; }

    /// <summary>The title a PDF viewer shows in its window; none by default.</summary>
    public string? Title { get; init; }
}

public enum PageOrientation
{
    Portrait = 1,
    Landscape = 2,
}

public sealed record Margins(double TopMm, double RightMm, double BottomMm, double LeftMm)
{
    public static Margins All(double mm) => new(mm, mm, mm, mm);
}

/// <summary>An A4 sheet; every document of the platform is printed on A4.</summary>
public sealed record PageSetup(PageOrientation Orientation, Margins Margins)
{
    public const double A4ShortSideMm = 210;
    public const double A4LongSideMm = 297;

    public static PageSetup A4Portrait { get; } = new(PageOrientation.Portrait, Margins.All(20));

    public static PageSetup A4Landscape { get; } = new(PageOrientation.Landscape, Margins.All(20));

    public double WidthMm => Orientation == PageOrientation.Portrait ? A4ShortSideMm : A4LongSideMm;

    public double HeightMm => Orientation == PageOrientation.Portrait ? A4LongSideMm : A4ShortSideMm;
}

/// <summary>
/// One line inside the bottom margin: <see cref="Text"/> on the left, <see cref="PageNumbers"/> on the right, each cut
/// to one line. <see cref="PageNumbers"/> is a text such as "Strona {page} z {pages}" or "Page {page} of {pages}":
/// the caller supplies the words in the reader's language.
/// </summary>
public sealed record PageFooter(string? Text, string? PageNumbers)
{
    public const string PagePlaceholder = "{page}";
    public const string PageCountPlaceholder = "{pages}";

    public string? PageNumbersFor(int page, int pageCount) =>
        PageNumbers?
            .Replace(PagePlaceholder, page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(PageCountPlaceholder, pageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
