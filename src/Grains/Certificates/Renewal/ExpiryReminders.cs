namespace Certification.Certificates.Renewal;

/// <summary>One e-mail reminding the holder that the certificate expires: how long before, and on which day it is due.</summary>
public sealed record ExpiryReminder(int DaysBefore, DateOnly DueOn);

/// <summary>
/// When the holder is reminded that the certificate expires (issue #6): 180, 90 and 30 days before the last day of
/// validity, so there is time to gather a year's evidence, then to file it, then a last call. Days are Polish dates.
/// </summary>
public static class ExpiryReminders
{
    public static readonly IReadOnlyList<int> DaysBefore = [180, 90, 30];

    /// <summary>All three reminders of a certificate valid until <paramref name="validUntil"/>, earliest first.</summary>
    public static IReadOnlyList<ExpiryReminder> Schedule(DateOnly validUntil) =>
        [.. DaysBefore.Select(days => new ExpiryReminder(days, validUntil.AddDays(-days)))];

    /// <summary>The reminders due after <paramref name="today"/>, earliest first: what is left to schedule.</summary>
    public static IReadOnlyList<ExpiryReminder> Ahead(DateOnly validUntil, DateOnly today) =>
        [.. Schedule(validUntil).Where(reminder => reminder.DueOn > today)];

    /// <summary>
    /// The reminder to send on <paramref name="today"/>, if any: the latest one whose day has come and that was not
    /// sent yet (<paramref name="sentDaysBefore"/>), while the certificate is still valid. One that was missed (a
    /// certificate issued or renewed close to its expiry, a silo down on the day) is sent late only if no later one
    /// is due: the holder gets one e-mail with the days really left, never three at once.
    /// </summary>
    public static ExpiryReminder? DueOn(DateOnly validUntil, DateOnly today, IReadOnlyCollection<int> sentDaysBefore)
    {
        if (today > validUntil)
        {
            return null;
        }

        var latest = Schedule(validUntil).LastOrDefault(reminder => reminder.DueOn <= today);
        return latest is null || sentDaysBefore.Any(sent => sent <= latest.DaysBefore) ? null : latest;
    }
}
