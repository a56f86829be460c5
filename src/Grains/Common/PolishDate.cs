namespace Certification.Common;

/// <summary>
/// The calendar day in Poland at an instant: employment starts "today" for the office in Poznań,
/// not for a server that may run on UTC and be an hour behind at midnight.
/// </summary>
public static class PolishDate
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>The instant a Polish calendar day begins (midnight in Poland, with the offset in force then).</summary>
    public static DateTimeOffset Start(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Warsaw.GetUtcOffset(midnight));
    }

    /// <summary>The wall-clock time in Poland at an instant, for texts people read (a link valid until 18:30).</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Warsaw).DateTime;
}
