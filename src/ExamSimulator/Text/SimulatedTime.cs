namespace Certification.ExamSimulator.Text;

/// <summary>
/// The simulation has its own calendar: "today" is the scenario's reference date, whatever day the exam is held, so
/// due dates and the task sheet agree. An action keeps the time of day it was done at in Poland, so evidence can
/// say "o 10:42" as the assessors saw it.
/// </summary>
public static class SimulatedTime
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTime At(DateOnly referenceDate, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Warsaw);
        return referenceDate.ToDateTime(new TimeOnly(local.Hour, local.Minute, local.Second));
    }
}
