using Certification.Qualifications;

namespace Certification.Certificates;

/// <summary>A learning outcome a certificate confirms, as the qualification named it when the certificate was issued.</summary>
[GenerateSerializer, Immutable, Alias("cert.certs.CertifiedOutcome")]
public sealed record CertifiedOutcome([property: Id(0)] string Id, [property: Id(1)] LocalizedText Name);

/// <summary>A set of learning outcomes a certificate confirms, with its PRK level and its outcomes.</summary>
[GenerateSerializer, Immutable, Alias("cert.certs.CertifiedOutcomeSet")]
public sealed record CertifiedOutcomeSet(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] int PrkLevel,
    [property: Id(3)] IReadOnlyList<CertifiedOutcome> Outcomes);

/// <summary>
/// One printed version of the certificate: version 1 from the day of issue, a new one at every renewal.
/// <see cref="Reason"/> is what a renewal rests on (e.g. the accepted evidence); none for the first.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateVersion")]
public sealed record CertificateVersion(
    [property: Id(0)] int DocumentVersion,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly ValidUntil,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason);

/// <summary>Who revoked a certificate, when and why (the reason is for the register and the holder, not for the public page).</summary>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateRevocation")]
public sealed record CertificateRevocation(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor);

/// <summary>
/// Everything a certificate states, fixed at issue from the CRM person, the qualification's definition and the panel's
/// decision, plus its later history. The PDF, the register and any other form of the certificate (an Open Badges
/// credential) are drawn from this record alone, so the same record always gives the same document.
/// </summary>
/// <param name="HolderBirthDate">From the holder's PESEL at issue; null when the CRM had none.</param>
/// <param name="Institution">The certifying institution, as named at issue.</param>
/// <param name="ValidUntil">The last day of validity of the current document version.</param>
/// <param name="Version">The number of events in the certificate's stream (its state version).</param>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateRecord")]
public sealed record CertificateRecord(
    [property: Id(0)] string Number,
    [property: Id(1)] Guid HolderId,
    [property: Id(2)] string HolderName,
    [property: Id(3)] DateOnly? HolderBirthDate,
    [property: Id(4)] string QualificationCode,
    [property: Id(5)] LocalizedText QualificationName,
    [property: Id(6)] int PrkLevel,
    [property: Id(7)] IReadOnlyList<CertifiedOutcomeSet> OutcomeSets,
    [property: Id(8)] DateOnly IssuedOn,
    [property: Id(9)] DateOnly ValidUntil,
    [property: Id(10)] string Institution,
    [property: Id(11)] DateOnly DecisionDate,
    [property: Id(12)] Guid SessionId,
    [property: Id(13)] int DocumentVersion,
    [property: Id(14)] IReadOnlyList<CertificateVersion> Versions,
    [property: Id(15)] CertificateRevocation? Revocation,
    [property: Id(16)] int Version)
{
    /// <summary>The standing on a Polish calendar day: what the verification page shows.</summary>
    public CertificateStanding StandingOn(DateOnly today) =>
        CertificateValidity.On(today, ValidUntil, DocumentVersion, Revocation is null ? null : Common.PolishDate.Of(Revocation.At));

    /// <summary>The day the current document version was printed: the issue date, or the last renewal's.</summary>
    public DateOnly DocumentDate => Versions[^1].From;
}
