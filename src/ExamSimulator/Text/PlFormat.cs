using System.Globalization;
using System.Text;

namespace Certification.ExamSimulator.Text;

/// <summary>
/// Polish formatting written out by hand rather than taken from the pl-PL culture: the scenario, the task sheet and
/// the checkers' evidence must read the same byte for byte on every machine, and ICU versions disagree on details
/// such as the thousands separator (space, no-break space or narrow no-break space).
/// </summary>
public static class PlFormat
{
    private static readonly string[] MonthsNominative =
        ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"];

    private static readonly string[] MonthsGenitive =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"];

    private static readonly string[] Weekdays = ["niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"];

    /// <summary>"12 345,60 zł".</summary>
    public static string Money(decimal amount) => Amount(amount) + " zł";

    /// <summary>"12 345,60": two decimals, a plain space between thousands, a comma before the decimals.</summary>
    public static string Amount(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.00", CultureInfo.InvariantCulture);
        var integer = text[..^3];
        var grouped = new StringBuilder();
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                grouped.Append(' ');
            }

            grouped.Append(integer[i]);
        }

        return (rounded < 0 ? "-" : "") + grouped + "," + text[^2..];
    }

    /// <summary>A number as a spreadsheet reads it in Poland: "12345,6" (no grouping, comma decimals).</summary>
    public static string Plain(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"09.03.2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"9 marca 2026".</summary>
    public static string LongDate(DateOnly date) =>
        $"{date.Day.ToString(CultureInfo.InvariantCulture)} {MonthsGenitive[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"poniedziałek, 9 marca 2026".</summary>
    public static string DayAndDate(DateOnly date) => $"{Weekdays[(int)date.DayOfWeek]}, {LongDate(date)}";

    /// <summary>"marzec 2026".</summary>
    public static string Month(int year, int month) => $"{MonthsNominative[month - 1]} {year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2026-03", the sortable key of a month.</summary>
    public static string MonthKey(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"10:42".</summary>
    public static string Time(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"09.03.2026 10:42".</summary>
    public static string DateTime(DateTime at) => at.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";
}
