using System.Globalization;
using System.Text;
using Certification.Certificates;
using CsvHelper;

namespace Certification.Portal.Certificates;

/// <summary>
/// The register of issued certificates as CSV the way a Polish spreadsheet opens it: UTF-8 with a byte-order mark,
/// semicolons, dates as YYYY-MM-DD. Names that start like a formula are escaped, so the file never runs one.
/// Column headers are Polish: the register is an official record kept in Polish.
/// </summary>
public static class RegisterCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Separator = ';', Injection = CsvInjection.Escape };

    private static readonly string[] Header =
    [
        "numer", "imię i nazwisko", "data urodzenia", "kwalifikacja", "nazwa kwalifikacji", "poziom PRK", "instytucja certyfikująca",
        "data decyzji", "data wydania", "ważny do", "wersja dokumentu", "stan", "data unieważnienia", "powód unieważnienia",
    ];

    public static byte[] Write(IEnumerable<CertificateListItem> certificates, DateOnly today)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write('\uFEFF');
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteRecord(Header);
            foreach (var certificate in certificates)
            {
                csv.WriteRecord(
                [
                    certificate.Number, certificate.HolderName, Date(certificate.BirthDate), certificate.Qualification, certificate.QualificationName,
                    certificate.PrkLevel.ToString(CultureInfo.InvariantCulture), certificate.Institution, Date(certificate.DecisionDate),
                    Date(certificate.IssuedOn), Date(certificate.ValidUntil), certificate.DocumentVersion.ToString(CultureInfo.InvariantCulture),
                    Status(certificate.StandingOn(today).Status), Date(certificate.RevokedAt is { } at ? Common.PolishDate.Of(at) : null),
                    certificate.RevocationReason ?? string.Empty,
                ]);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "ważny",
        CertificateStatus.Expired => "wygasł",
        _ => "unieważniony",
    };

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
