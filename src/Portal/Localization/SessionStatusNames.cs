using Certification.Exams;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class SessionStatusNames
{
    public static string SessionStatusName(this IStringLocalizer text, SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => text["zaplanowana"],
        SessionStatus.Open => text["otwarta"],
        SessionStatus.Closed => text["zamknięta"],
        _ => status.ToString(),
    };

    public static string AttemptStatusName(this IStringLocalizer text, AttemptStatus status) => status switch
    {
        AttemptStatus.Ready => text["nie rozpoczęty"],
        AttemptStatus.InProgress => text["w toku"],
        AttemptStatus.Paused => text["wstrzymany"],
        AttemptStatus.Submitted => text["zakończony"],
        _ => status.ToString(),
    };
}
