using Certification.Mail;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class MailStatusNames
{
    public static string MailStatusName(this IStringLocalizer text, MailStatus status) => status switch
    {
        MailStatus.Queued => text["w kolejce"],
        MailStatus.Sending => text["wysyłana"],
        MailStatus.Sent => text["wysłana"],
        MailStatus.Failed => text["niewysłana"],
        MailStatus.DevDelivered => text["w skrzynce deweloperskiej"],
        _ => status.ToString(),
    };
}
