using System.Globalization;

namespace Certification.Documents;

/// <summary>
/// What a certificate of participation in a training states. The training-order feature fills it from its
/// own records; the certificate number and verification address come from whoever issues certificates.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.documents.ParticipationCertificateData")]
public sealed record ParticipationCertificateData(
    [property: Id(0)] string Number,
    [property: Id(1)] string ParticipantFullName,
    [property: Id(2)] string TrainingTitle,
    [property: Id(3)] DateOnly From,
    [property: Id(4)] DateOnly To,
    [property: Id(5)] decimal Hours,
    [property: Id(6)] string Location,
    [property: Id(7)] string Trainer,
    [property: Id(8)] string OrganiserName,
    [property: Id(9)] DateOnly IssuedOn,
    [property: Id(10)] string VerificationUrl);

/// <summary>The fixed words of the certificate in the participant's language, and how that language writes dates and numbers.</summary>
public sealed record ParticipationCertificateLabels(
    CultureInfo Culture,
    string Title,
    string Number,
    string Certifies,
    string Completed,
    string Dates,
    string Hours,
    string Location,
    string Trainer,
    string Organiser,
    string IssuedOn,
    string Signature,
    string Verify)
{
    public static ParticipationCertificateLabels Polish { get; } = new(
        CultureInfo.GetCultureInfo("pl-PL"),
        Title: "Zaświadczenie o ukończeniu szkolenia",
        Number: "nr",
        Certifies: "Zaświadcza się, że",
        Completed: "ukończył(a) szkolenie",
        Dates: "Termin szkolenia",
        Hours: "Liczba godzin",
        Location: "Miejsce",
        Trainer: "Prowadzący",
        Organiser: "Organizator",
        IssuedOn: "Data wydania",
        Signature: "podpis i pieczęć organizatora",
        Verify: "Autentyczność zaświadczenia można sprawdzić, skanując kod QR lub pod adresem:");

    public static ParticipationCertificateLabels English { get; } = new(
        CultureInfo.GetCultureInfo("en-GB"),
        Title: "Certificate of training completion",
        Number: "No.",
        Certifies: "This is to certify that",
        Completed: "has completed the training",
        Dates: "Dates",
        Hours: "Hours",
        Location: "Location",
        Trainer: "Trainer",
        Organiser: "Organiser",
        IssuedOn: "Issued on",
        Signature: "signature and stamp of the organiser",
        Verify: "Check that this certificate is genuine by scanning the QR code or at:");

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string DateRange(DateOnly from, DateOnly to) => from == to ? Date(from) : $"{Date(from)} – {Date(to)}";
}

/// <summary>The one-page certificate a participant receives after a training, as a document for <see cref="IDocumentRenderer"/>.</summary>
public static class ParticipationCertificate
{
    public static DocumentModel Compose(ParticipationCertificateData data, ParticipationCertificateLabels labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        return new DocumentModel(
        [
            new Paragraph(data.OrganiserName, TextAlignment.Centre, 12, FontWeight.Bold),
            new HorizontalRule(),
            new Spacer(18),
            new Heading(labels.Title, 1, TextAlignment.Centre),
            new Paragraph($"{labels.Number} {data.Number}", TextAlignment.Centre, 11),
            new Spacer(12),
            new Paragraph(labels.Certifies, TextAlignment.Centre, 12),
            new Paragraph(data.ParticipantFullName, TextAlignment.Centre, 20, FontWeight.Bold),
            new Paragraph(labels.Completed, TextAlignment.Centre, 12),
            new Paragraph(data.TrainingTitle, TextAlignment.Centre, 14, FontWeight.Bold),
            new Spacer(12),
            new KeyValueList(
            [
                new(labels.Dates, labels.DateRange(data.From, data.To)),
                new(labels.Hours, data.Hours.ToString("0.##", labels.Culture)),
                new(labels.Location, data.Location),
                new(labels.Trainer, data.Trainer),
                new(labels.Organiser, data.OrganiserName),
                new(labels.IssuedOn, labels.Date(data.IssuedOn)),
            ], FontSize: 11),
            new SignatureLine(labels.Signature),
            new Spacer(8),
            new QrCode(data.VerificationUrl, 30, HorizontalPosition.Left),
            new Paragraph([new TextRun(labels.Verify + "\n"), new TextRun(data.VerificationUrl)], TextAlignment.Left, 8),
        ])
        {
            Title = $"{labels.Title} {labels.Number} {data.Number}",
        };
    }
}
