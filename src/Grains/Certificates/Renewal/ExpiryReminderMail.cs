using System.Globalization;
using Certification.Common;
using Certification.Mail;

namespace Certification.Certificates.Renewal;

/// <summary>The e-mail that reminds a holder that the certificate expires (issue #6), in Polish, as the holder reads it.</summary>
public static class ExpiryReminderMail
{
    public const string Kind = "certificate.expiry_reminder";

    /// <summary>The holder's own list of certificates, where the renewal starts.</summary>
    public const string CertificatesPath = "Certificates";

    public static OutgoingMail For(CertificateRecord certificate, ExpiryReminder reminder, DateOnly today, MailRecipient to, Institution institution)
    {
        var validUntil = certificate.ValidUntil.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("pl-PL"));
        var daysLeft = certificate.ValidUntil.DayNumber - today.DayNumber;
        var text = $"""
            Dzień dobry,

            przypominamy, że certyfikat nr {certificate.Number} potwierdzający kwalifikację „{certificate.QualificationName.Pl}” ({certificate.QualificationCode}) jest ważny do {validUntil} (zostało {daysLeft} dni).

            Aby go przedłużyć, złóż wniosek o odnowienie wraz z dowodami praktyki na stronie swoich certyfikatów:
            {institution.Link(CertificatesPath).AbsoluteUri}

            {institution.Name}
            """;
        return new OutgoingMail(Kind, to, $"Certyfikat {certificate.Number} wygasa {validUntil}", text)
        {
            PersonId = certificate.HolderId,
            About = new RelatedObject("certificate", certificate.Number),
        };
    }
}
