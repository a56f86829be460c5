using System.Globalization;
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

    /// <summary>Where the new validation an appeal ordered stands: awaiting a session, or the session and its start in Poland.</summary>
    public static string RevalidationStatus(this IStringLocalizer text, RevalidationView revalidation) =>
        revalidation is { SessionTitle: { } title, StartsAt: { } startsAt }
            ? text["wyznaczona: sesja „{0}”, {1}", title, startsAt.InPoland().ToString("g", CultureInfo.CurrentCulture)]
            : text["czeka na wyznaczenie sesji"];

    public static string PartName(this IStringLocalizer text, AssessmentPart part) => part switch
    {
        AssessmentPart.Practical => text["Część praktyczna"],
        AssessmentPart.Interview => text["Rozmowa z komisją"],
        _ => part.ToString(),
    };

    public static string GradeName(this IStringLocalizer text, bool met) => met ? text["spełnione"] : text["niespełnione"];
}
