using Certification.Items;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class ConcernNames
{
    public static string ConcernName(this IStringLocalizer text, ItemConcern concern) => concern switch
    {
        ItemConcern.LowDiscrimination => text["słabo różnicuje"],
        ItemConcern.TooDifficult => text["za trudne"],
        ItemConcern.TooEasy => text["za łatwe"],
        ItemConcern.UnusedDistractor => text["nikt nie wybrał dystraktora"],
        ItemConcern.DistractorBeatsKey => text["możliwy błąd klucza"],
        _ => concern.ToString(),
    };
}
