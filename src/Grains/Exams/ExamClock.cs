namespace Certification.Exams;

/// <summary>
/// The clock exam deadlines are measured by, registered under its own key so that tests can move it
/// forward without moving the clock Orleans itself runs on (membership, timers, reminders).
/// </summary>
public static class ExamClock
{
    public const string Key = "exam-clock";
}
