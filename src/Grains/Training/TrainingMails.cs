using System.Globalization;
using System.Text;
using Certification.Common;
using Certification.Mail;

namespace Certification.Training;

/// <summary>
/// The person a training mail goes to, as the CRM knows them when the mail is written.
/// <paramref name="UnsubscribeToken"/> is present only when they may receive marketing mail.
/// </summary>
public sealed record MailPerson(Guid Id, string FirstName, string LastName, string? Email, string? UnsubscribeToken = null);

/// <summary>
/// The e-mails a training order sends its people: enrolment confirmed, waiting list, a place freed up,
/// resignation, and the invitation. Written in Polish (the language of the trainings), each with the
/// days, hours and place, and the calendar file where the person is expected to come.
/// </summary>
public static class TrainingMails
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>The mail an event of an order sends, or null when the event sends none or the person has no address.</summary>
    public static OutgoingMail? For(
        Guid orderId, OrderEvent @event, TrainingOrderState state, TrainingLocation? location, MailPerson person, Institution institution)
    {
        if (person.Email is null)
        {
            return null;
        }

        var details = state.Details!;
        var certificate = @event.Kind == OrderEventKind.CertificateIssued ? state.Certificates.FirstOrDefault(c => c.PersonId == person.Id) : null;

        var (kind, subject, lead, calendar) = @event.Kind switch
        {
            OrderEventKind.Enrolled => ("training.enrolled", $"Potwierdzenie zapisu: {details.Title}",
                "potwierdzamy Twój zapis na szkolenie. Plik kalendarza z terminami jest w załączniku.", true),
            OrderEventKind.WaitListed => ("training.waitlisted", $"Lista rezerwowa: {details.Title}",
                "wszystkie miejsca na szkoleniu są zajęte, dlatego zapisaliśmy Cię na listę rezerwową. Gdy zwolni się miejsce, zapiszemy Cię automatycznie i damy znać.", false),
            OrderEventKind.Promoted => ("training.promoted", $"Zwolniło się miejsce: {details.Title}",
                "zwolniło się miejsce i zostałeś(-aś) przeniesiony(-a) z listy rezerwowej na listę uczestników. Plik kalendarza z terminami jest w załączniku.", true),
            OrderEventKind.Resigned => ("training.resigned", $"Rezygnacja ze szkolenia: {details.Title}",
                "potwierdzamy rezygnację z udziału w szkoleniu. Jeśli to pomyłka, skontaktuj się z nami lub zapisz się ponownie.", false),
            OrderEventKind.Invited => ("training.invited", $"Zaproszenie na szkolenie: {details.Title}",
                "zapraszamy na szkolenie, które może Cię zainteresować. Zapisu dokona administrator Twojej organizacji w ekstranecie lub zapiszesz się sam(a) na stronie szkolenia.", false),
            OrderEventKind.CertificateIssued when certificate is not null => ("training.certificate", $"Zaświadczenie o ukończeniu szkolenia: {details.Title}",
                $"dziękujemy za udział w szkoleniu. Zaświadczenie nr {certificate.Number} jest do pobrania (PDF) pod adresem: {institution.Link($"Certificates/Training/{certificate.Code}")}", false),
            _ => (null, null, null, false),
        };
        // An invitation is marketing: without the person's consent it is never sent.
        if (kind is null || (@event.Kind == OrderEventKind.Invited && person.UnsubscribeToken is null))
        {
            return null;
        }

        var text = new StringBuilder()
            .Append("Dzień dobry ").Append(person.FirstName).AppendLine(",").AppendLine()
            .AppendLine(char.ToUpper(lead![0], Polish) + lead[1..]).AppendLine()
            .Append("Szkolenie: ").AppendLine(details.Title);
        foreach (var meeting in details.Meetings)
        {
            text.Append("Termin: ").Append(meeting.Date.ToString("dddd, d MMMM yyyy", Polish))
                .Append(", godz. ").Append(meeting.From.ToString("HH:mm", Polish)).Append('–').AppendLine(meeting.To.ToString("HH:mm", Polish));
        }

        if (location is not null)
        {
            text.Append("Miejsce: ").Append(location.Name).Append(", ").Append(location.Address).Append(", ").AppendLine(location.City);
        }

        text.Append("Cena za uczestnika: ").Append(details.PricePerParticipant.ToString("N2", Polish)).AppendLine(" zł").AppendLine()
            .AppendLine("Pozdrawiamy").AppendLine("Dział szkoleń").AppendLine(institution.Name);
        if (@event.Kind == OrderEventKind.Invited)
        {
            text.AppendLine().Append("Nie chcesz dostawać informacji o szkoleniach? Wypisz się: ")
                .AppendLine(institution.Link($"Unsubscribe/{person.UnsubscribeToken}").ToString());
        }

        return new OutgoingMail(kind, new MailRecipient(person.Email, $"{person.FirstName} {person.LastName}"), subject!, text.ToString())
        {
            PersonId = person.Id,
            About = new RelatedObject("training_order", orderId.ToString()),
            Attachments = calendar
                ? [new MailAttachment("szkolenie.ics", TrainingCalendar.ContentType, TrainingCalendar.Write(orderId, details, location, @event.At))]
                : [],
        };
    }

    /// <summary>
    /// The mail that asks a visitor who registered on the public page to confirm their address. It names
    /// no CRM person: until the link is used the address is only what someone typed.
    /// </summary>
    public static OutgoingMail RegistrationConfirmation(
        Guid orderId, OrderDetails details, string firstName, string lastName, string email, Uri confirmLink, DateTimeOffset expiresAt, Institution institution)
    {
        var text = new StringBuilder()
            .Append("Dzień dobry ").Append(firstName).AppendLine(",").AppendLine()
            .Append("otrzymaliśmy zgłoszenie na szkolenie „").Append(details.Title).AppendLine("” z tym adresem e-mail.")
            .AppendLine("Aby dokończyć zapis, otwórz link i potwierdź:").AppendLine()
            .AppendLine(confirmLink.ToString()).AppendLine()
            .Append("Link jest ważny do ").Append(PolishDate.Local(expiresAt).ToString("d MMMM yyyy, HH:mm", Polish)).AppendLine(".")
            .AppendLine("Jeśli to nie Ty się zgłaszałeś(-aś), zignoruj tę wiadomość — bez potwierdzenia nie zapiszemy Twoich danych.").AppendLine()
            .AppendLine("Pozdrawiamy").AppendLine("Dział szkoleń").AppendLine(institution.Name);
        return new OutgoingMail("training.registration_confirm", new MailRecipient(email, $"{firstName} {lastName}"), $"Potwierdź zapis: {details.Title}", text.ToString())
        {
            About = new RelatedObject("training_order", orderId.ToString()),
        };
    }
}
