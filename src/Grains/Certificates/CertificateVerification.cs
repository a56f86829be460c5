using Certification.Qualifications;
using Dapper;
using Npgsql;

namespace Certification.Certificates;

/// <summary>What the public verification found for a number as typed or scanned.</summary>
public enum VerificationOutcome
{
    /// <summary>Not a certificate number at all (the page says how one looks).</summary>
    Malformed = 1,

    /// <summary>Well formed, but no certificate has it — a wrong check character included.</summary>
    NotFound = 2,

    Found = 3,
}

/// <summary>
/// What anyone may learn of a certificate: its standing, the holder's name, the qualification and the dates —
/// nothing more (no birth date, no reason of a revocation, nobody's account).
/// </summary>
public sealed record VerifiedCertificate(
    string Number, CertificateStanding Standing, string HolderName, LocalizedText QualificationName, int PrkLevel, DateOnly IssuedOn, DateOnly? RenewedOn);

public sealed record VerificationResult(VerificationOutcome Outcome, VerifiedCertificate? Certificate);

/// <summary>
/// The public verification of a certificate number (the QR code's page): reads the <c>certificate</c> projection, which
/// every change of a certificate writes in its own transaction, so a revocation shows at once. A number whose check
/// character the institution's secret does not give is not looked up at all: counting through the sequence finds nothing.
/// </summary>
public sealed class CertificateVerification(NpgsqlDataSource dataSource, CertificateNumbers numbers)
{
    /// <param name="today">The Polish calendar day the standing is told for.</param>
    public async Task<VerificationResult> VerifyAsync(string? typed, DateOnly today)
    {
        if (!CertificateNumber.TryParse(typed, out var number))
        {
            return new VerificationResult(VerificationOutcome.Malformed, null);
        }

        if (!number.HasValidCheck(await numbers.SecretAsync()))
        {
            return new VerificationResult(VerificationOutcome.NotFound, null);
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT number AS Number, holder_name AS HolderName, qualification_name AS NamePl, qualification_name_en AS NameEn, prk_level AS PrkLevel,
                   issued_on AS IssuedOn, valid_until AS ValidUntil, document_version AS DocumentVersion, renewed_on AS RenewedOn, revoked_at AS RevokedAt
            FROM certificate WHERE number = @number
            """,
            new { number = number.ToString() });
        if (row is null)
        {
            return new VerificationResult(VerificationOutcome.NotFound, null);
        }

        var revokedOn = row.RevokedAt is { } at ? Common.PolishDate.Of(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) : (DateOnly?)null;
        return new VerificationResult(VerificationOutcome.Found, new VerifiedCertificate(
            row.Number, CertificateValidity.On(today, row.ValidUntil, row.DocumentVersion, revokedOn), row.HolderName,
            new LocalizedText(row.NamePl, row.NameEn), row.PrkLevel, row.IssuedOn, row.RenewedOn));
    }

    private sealed record Row
    {
        public string Number { get; init; } = string.Empty;

        public string HolderName { get; init; } = string.Empty;

        public string NamePl { get; init; } = string.Empty;

        public string? NameEn { get; init; }

        public int PrkLevel { get; init; }

        public DateOnly IssuedOn { get; init; }

        public DateOnly ValidUntil { get; init; }

        public int DocumentVersion { get; init; }

        public DateOnly? RenewedOn { get; init; }

        public DateTime? RevokedAt { get; init; }
    }
}
