using Certification.Crm;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class KindNames
{
    public static string Name(this IStringLocalizer text, ClientKind kind) => kind switch
    {
        ClientKind.Municipality => text["Gmina"],
        ClientKind.County => text["Powiat"],
        ClientKind.Company => text["Firma"],
        ClientKind.Ngo => text["Organizacja pozarządowa"],
        _ => kind.ToString(),
    };
}
