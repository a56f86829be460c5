namespace Certification.Portal.Localization;

/// <summary>
/// Times are stored in UTC and shown as they are in Poland, whatever the server's own time zone
/// (a cluster node may well run on UTC).
/// </summary>
internal static class PolishTime
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTimeOffset InPoland(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Warsaw);
}
