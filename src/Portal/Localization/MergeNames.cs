using Certification.Crm;
using Certification.Training;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class MergeNames
{
    private const string CustomPrefix = "custom:";

    /// <summary>A person field a merge can take from the absorbed record; a custom field is stored by its label.</summary>
    public static string MergeFieldName(this IStringLocalizer text, string field) => field switch
    {
        MergeFields.FirstName => text["Imię"],
        MergeFields.LastName => text["Nazwisko"],
        MergeFields.Email => text["E-mail"],
        MergeFields.Phone => text["Telefon"],
        MergeFields.Pesel => "PESEL",
        MergeFields.Job => text["Obecne zatrudnienie"],
        _ when field.StartsWith(CustomPrefix, StringComparison.Ordinal) => field[CustomPrefix.Length..],
        _ => field,
    };

    /// <summary>The detail of a contact-history entry in words: merges are stored as codes, other entries as they are shown.</summary>
    public static string? ContactDetail(this IStringLocalizer text, string kind, string? detail) => kind switch
    {
        "person.merged" when string.IsNullOrEmpty(detail) => text["wszystkie dane pozostały z tej kartoteki"],
        "person.merged" => text["ze scalonej kartoteki wzięto: {0}", string.Join(", ", detail.Split(',').Select(text.MergeFieldName))],
        "order.personmerged" when detail?.Split(';') is [_, var kept, var dropped] && Status(kept) is { } keptStatus && Status(dropped) is { } droppedStatus =>
            kept.StartsWith("kept=survivor", StringComparison.Ordinal)
                ? text["obie kartoteki były na szkoleniu: został zapis tej kartoteki ({0}), zapis scalonej ({1}) usunięto", text.EnrolmentStatusName(keptStatus), text.EnrolmentStatusName(droppedStatus)]
                : text["obie kartoteki były na szkoleniu: został zapis scalonej kartoteki ({0}), zapis tej ({1}) usunięto", text.EnrolmentStatusName(keptStatus), text.EnrolmentStatusName(droppedStatus)],
        "order.personmerged" => text["przeniesiono ze scalonej kartoteki"],
        _ => detail,
    };

    private static EnrolmentStatus? Status(string part) =>
        Enum.TryParse<EnrolmentStatus>(part[(part.LastIndexOfAny(['=', ':']) + 1)..], out var status) ? status : null;
}
