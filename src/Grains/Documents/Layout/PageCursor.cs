namespace Certification.Documents.Layout;

/// <summary>
/// Where the next block goes, and the pages filled so far. Layout code measures from the top of the page
/// downwards, as one reads; <see cref="PdfY"/> turns that into PDF's upward coordinates.
/// </summary>
internal sealed class PageCursor
{
    private readonly List<List<Drawing>> _pages = [];
    private List<Drawing> _current = [];

    public PageCursor(PageSetup setup)
    {
        Width = Units.Pt(setup.WidthMm);
        Height = Units.Pt(setup.HeightMm);
        Left = Units.Pt(setup.Margins.LeftMm);
        Right = Width - Units.Pt(setup.Margins.RightMm);
        Top = Units.Pt(setup.Margins.TopMm);
        Bottom = Height - Units.Pt(setup.Margins.BottomMm);
        if (Right - Left < Units.Pt(20) || Bottom - Top < Units.Pt(20))
        {
            throw new ArgumentException("The margins leave less than 2 cm for the text on the page.", nameof(setup));
        }

        NewPage();
    }

    public double Width { get; }

    public double Height { get; }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    /// <summary>The lowest point text may reach, measured from the top of the page.</summary>
    public double Bottom { get; }

    /// <summary>The top of the next block, measured from the top of the page.</summary>
    public double Y { get; private set; }

    public double ContentWidth => Right - Left;

    public double ContentHeight => Bottom - Top;

    public double Remaining => Bottom - Y;

    public bool AtTopOfPage => Y <= Top && _current.Count == 0;

    public IReadOnlyList<IReadOnlyList<Drawing>> Pages => _pages;

    public void NewPage()
    {
        _current = [];
        _pages.Add(_current);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits under the cursor or the page is still empty.</summary>
    public void Reserve(double height)
    {
        if (height > Remaining && !AtTopOfPage)
        {
            NewPage();
        }
    }

    public void Advance(double height) => Y += height;

    public double PdfY(double fromTop) => Height - fromTop;

    public void Draw(Drawing drawing) => _current.Add(drawing);

    /// <summary>Adds to a page already filled: footers, which need the final page count.</summary>
    public void DrawOn(int pageIndex, Drawing drawing) => _pages[pageIndex].Add(drawing);
}
