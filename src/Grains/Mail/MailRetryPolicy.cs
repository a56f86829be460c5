namespace Certification.Mail;

/// <summary>
/// When a message that could not be sent is tried again: soon at first (a server restarting), then
/// ever more rarely, for about two days in all, after which it is failed and waits for an administrator.
/// </summary>
public static class MailRetryPolicy
{
    /// <summary>The wait after the first, second… failed attempt.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
        TimeSpan.FromHours(24),
    ];

    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The next attempt after <paramref name="attemptsMade"/> failed ones; null when the message is failed for good.</summary>
    public static DateTimeOffset? NextAttemptAt(int attemptsMade, DateTimeOffset failedAt, bool permanent) =>
        permanent || attemptsMade >= MaxAttempts ? null : failedAt + Delays[Math.Max(attemptsMade, 1) - 1];
}
