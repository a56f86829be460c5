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

internal static class ItemKindNames
{
    public static string ItemKindName(this IStringLocalizer text, Certification.Items.ItemKind kind) => kind switch
    {
        Certification.Items.ItemKind.SingleChoice => text["jednokrotnego wyboru"],
        Certification.Items.ItemKind.MultipleChoice => text["wielokrotnego wyboru"],
        Certification.Items.ItemKind.TrueFalse => text["prawda/fałsz"],
        _ => kind.ToString(),
    };
}

internal static class MethodNames
{
    public static string MethodName(this IStringLocalizer text, Certification.Qualifications.VerificationMethod method) => method switch
    {
        Certification.Qualifications.VerificationMethod.TheoryTest => text["Test teoretyczny"],
        Certification.Qualifications.VerificationMethod.Simulation => text["Symulacja"],
        Certification.Qualifications.VerificationMethod.Interview => text["Rozmowa z komisją"],
        _ => method.ToString(),
    };
}
