using Certification.Certificates;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class CertificateNames
{
    public static string CertificateStatusName(this IStringLocalizer text, CertificateStanding standing) => standing.Status switch
    {
        CertificateStatus.Valid when standing.Renewed => text["ważny (przedłużony)"],
        CertificateStatus.Valid => text["ważny"],
        CertificateStatus.Expired => text["wygasł"],
        CertificateStatus.Revoked => text["unieważniony"],
        _ => standing.Status.ToString(),
    };
}
