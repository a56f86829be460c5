using Certification.Assessment;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class AssessmentNames
{
    public static string DecisionName(this IStringLocalizer text, DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Positive => text["decyzja pozytywna"],
        DecisionOutcome.Negative => text["decyzja negatywna"],
        _ => outcome.ToString(),
    };

    /// <summary>The appeal column of <c>assessment_projection</c>: null none, 0 open, otherwise the outcome.</summary>
    public static string AppealStatusName(this IStringLocalizer text, int? status) => status switch
    {
        null => "—",
        0 => text["złożone, czeka na rozpatrzenie"],
        _ => text.AppealOutcomeName((AppealOutcome)status.Value),
    };

    public static string AppealOutcomeName(this IStringLocalizer text, AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Rejected => text["odrzucone"],
        AppealOutcome.DecisionChanged => text["uwzględnione: decyzja zmieniona"],
        AppealOutcome.NewValidation => text["uwzględnione: walidacja zostanie przeprowadzona ponownie"],
        _ => outcome.ToString(),
    };

    public static string PartName(this IStringLocalizer text, AssessmentPart part) => part switch
    {
        AssessmentPart.Practical => text["Część praktyczna"],
        AssessmentPart.Interview => text["Rozmowa z komisją"],
        _ => part.ToString(),
    };

    public static string GradeName(this IStringLocalizer text, bool met) => met ? text["spełnione"] : text["niespełnione"];
}
