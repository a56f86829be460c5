using Certification.Training;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

internal static class TrainingNames
{
    public static string VisibilityName(this IStringLocalizer text, OrderVisibility visibility) => visibility switch
    {
        OrderVisibility.Public => text["publiczne"],
        OrderVisibility.Restricted => text["tylko dla wskazanych klientów"],
        OrderVisibility.Hidden => text["ukryte"],
        _ => visibility.ToString(),
    };

    public static string EnrolmentStatusName(this IStringLocalizer text, EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => text["zapisany"],
        EnrolmentStatus.Waiting => text["na liście rezerwowej"],
        EnrolmentStatus.Resigned => text["zrezygnował"],
        _ => status.ToString(),
    };

    public static string EnrolmentSourceName(this IStringLocalizer text, EnrolmentSource source) => source switch
    {
        EnrolmentSource.Office => text["przez biuro"],
        EnrolmentSource.Partner => text["przez administratora podmiotu"],
        EnrolmentSource.Self => text["samodzielnie"],
        _ => source.ToString(),
    };

    /// <summary>One line of an order's record, from its stored kind and detail.</summary>
    public static string EventText(this IStringLocalizer text, OrderEvent @event, OrderSnapshot order) => @event.Kind switch
    {
        OrderEventKind.Created => text["Utworzono zlecenie"],
        OrderEventKind.Updated => text["Zmieniono dane zlecenia"],
        OrderEventKind.PhaseChanged when @event.Detail?.Split('>') is [var from, var to] =>
            text["Faza: {0} → {1}", PhaseName(order, from), PhaseName(order, to)],
        OrderEventKind.Enrolled => text["Zapisano ({0})", SourceOf(text, @event)],
        OrderEventKind.WaitListed => text["Na liście rezerwowej ({0})", SourceOf(text, @event)],
        OrderEventKind.Promoted => text["Przeniesiono z listy rezerwowej na listę uczestników"],
        OrderEventKind.Resigned => text["Rezygnacja ({0})", SourceOf(text, @event)],
        OrderEventKind.Invited => text["Zaproszono"],
        OrderEventKind.Attendance when @event.Detail?.Split(':') is [var day, var present] =>
            present == "present" ? text["Obecność {0}: obecny", day] : text["Obecność {0}: nieobecny", day],
        OrderEventKind.PersonMerged => text["Scalono kartotekę uczestnika"],
        _ => @event.Kind.ToString(),
    };

    private static string PhaseName(OrderSnapshot order, string id) => order.Type.Phase(id)?.Name ?? id;

    private static string SourceOf(IStringLocalizer text, OrderEvent @event) =>
        Enum.TryParse<EnrolmentSource>(@event.Detail, out var source) ? text.EnrolmentSourceName(source) : string.Empty;
}

internal static class ConsentNames
{
    public static string ConsentPurposeName(this IStringLocalizer text, Certification.Consents.ConsentPurpose purpose) => purpose switch
    {
        Certification.Consents.ConsentPurpose.Marketing => text["Informacje o szkoleniach e-mailem"],
        Certification.Consents.ConsentPurpose.RegistrationTerms => text["Regulamin zapisów i informacja o danych osobowych"],
        _ => purpose.ToString(),
    };
}

internal static class CustomFieldNames
{
    public static string FieldEntityName(this IStringLocalizer text, Certification.CustomFields.CustomFieldEntity entity) => entity switch
    {
        Certification.CustomFields.CustomFieldEntity.Client => text["Klienci"],
        Certification.CustomFields.CustomFieldEntity.Person => text["Osoby"],
        _ => entity.ToString(),
    };

    public static string FieldTypeName(this IStringLocalizer text, Certification.CustomFields.CustomFieldType type) => type switch
    {
        Certification.CustomFields.CustomFieldType.Text => text["tekst"],
        Certification.CustomFields.CustomFieldType.Number => text["liczba"],
        Certification.CustomFields.CustomFieldType.Date => text["data"],
        Certification.CustomFields.CustomFieldType.Choice => text["wybór z listy"],
        Certification.CustomFields.CustomFieldType.YesNo => text["tak/nie"],
        _ => type.ToString(),
    };
}

/// <summary>A stored custom-field value as people read it (dates and yes/no in the page's language).</summary>
internal static class CustomValueText
{
    public static string Show(IStringLocalizer text, Certification.CustomFields.CustomFieldDefinition field, string value) => field.Type switch
    {
        Certification.CustomFields.CustomFieldType.YesNo => value == "true" ? text["tak"] : text["nie"],
        Certification.CustomFields.CustomFieldType.Date when DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var date) => date.ToString("d"),
        Certification.CustomFields.CustomFieldType.Number when decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) => number.ToString("G"),
        _ => value,
    };
}
