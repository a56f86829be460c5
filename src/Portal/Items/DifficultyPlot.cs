using System.Globalization;

namespace Certification.Portal.Items;

/// <summary>
/// Where the difficulty–discrimination plot puts things, in SVG user units: facility p from 0 to 1 across
/// (as Questionmark draws it), item–rest r from −0.5 to 1 up. Coordinates are written with a decimal point
/// whatever the page's language, because SVG reads nothing else.
/// </summary>
public static class DifficultyPlot
{
    public const int Width = 640;
    public const int Height = 400;
    public const double LowestR = -0.5;
    public const double HighestR = 1.0;

    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 48;

    public static IReadOnlyList<double> FacilityTicks { get; } = [0, 0.2, 0.4, 0.6, 0.8, 1];

    public static IReadOnlyList<double> ItemRestTicks { get; } = [-0.5, 0, 0.5, 1];

    public static string X(double facility) => Unit(Left + (Math.Clamp(facility, 0, 1) * (Width - Left - Right)));

    // An r below −0.5 sits on the bottom edge: the item needs rewriting either way.
    public static string Y(double itemRest) =>
        Unit(Top + ((HighestR - Math.Clamp(itemRest, LowestR, HighestR)) / (HighestR - LowestR) * (Height - Top - Bottom)));

    public static string Unit(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
