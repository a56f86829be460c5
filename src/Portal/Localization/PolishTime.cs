namespace Certification.Portal.Localization;

/// <summary>
/// Times are stored in UTC and shown as they are in Poland, whatever the server's own time zone
/// (a cluster node may well run on UTC).
/// </summary>
internal static class PolishTime
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTimeOffset InPoland(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Warsaw);

    /// <summary>The instant of a wall-clock time in Poland, as people type it into a form.</summary>
    public static DateTimeOffset FromPoland(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // An hour skipped when the clocks go forward cannot be converted; it means the hour after.
        if (Warsaw.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Warsaw), TimeSpan.Zero);
    }
}
