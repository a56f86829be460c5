namespace Certification.Documents.Layout;

/// <summary>Something placed on a page, in PDF points with the origin at the page's bottom-left corner.</summary>
internal abstract record Drawing;

internal sealed record TextDrawing(double X, double Baseline, string Text, FontWeight Weight, double Size) : Drawing;

internal sealed record LineDrawing(double X1, double Y1, double X2, double Y2, double Thickness) : Drawing;

internal sealed record Box(double X, double Y, double Width, double Height);

/// <summary>A filled rectangle in a shade of grey: 0 is black, 1 white.</summary>
internal sealed record FilledBox(Box Box, double Grey) : Drawing;

/// <summary>
/// The dark modules of a square grid <paramref name="Modules"/> wide (a QR code), filled in black as one path so that
/// touching modules show no seams. Rows count from the top.
/// </summary>
internal sealed record ModuleGrid(Box Place, int Modules, IReadOnlyList<(int Row, int Column)> Dark) : Drawing;

internal sealed record ImageDrawing(Box Place, byte[] Data, ImageFormat Format) : Drawing;

internal sealed record LaidOutPage(double Width, double Height, IReadOnlyList<Drawing> Drawings);

internal static class Units
{
    public const double PointsPerMm = 72 / 25.4;

    public static double Pt(double mm) => mm * PointsPerMm;
}
