using Certification.Portal.Accounts;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class RoleNames
{
    public static string RoleName(this IStringLocalizer text, string role) => role switch
    {
        Roles.SystemAdmin => text["Administrator systemu"],
        Roles.TrainingAdmin => text["Administrator szkoleń"],
        Roles.AccountManager => text["Opiekun klientów"],
        Roles.ExamOperator => text["Operator egzaminu"],
        Roles.Assessor => text["Asesor"],
        Roles.PartnerAdmin => text["Administrator podmiotu"],
        Roles.Candidate => text["Kandydat"],
        _ => role,
    };
}
