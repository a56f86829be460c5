using System.Text.Json.Serialization;
using Certification.Infrastructure;
using Certification.Qualifications;

namespace Certification.Certificates;

/// <summary>
/// Everything that happens to a certificate, as stored in its stream in <c>audit_event</c>.
/// The JSON property names are the stored schema: add members, never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CertificateIssued), "issued")]
[JsonDerivedType(typeof(CertificateRenewed), "renewed")]
[JsonDerivedType(typeof(CertificateRevoked), "revoked")]
[JsonDerivedType(typeof(CertificateExpiryReminded), "expiry_reminded")]
public abstract record CertificateEvent : AuditedEvent;

/// <summary>The certificate as issued for a validation (session and candidate): every fact it states, fixed from now on.</summary>
public sealed record CertificateIssued(
    Guid SessionId,
    Guid HolderId,
    string HolderName,
    DateOnly? HolderBirthDate,
    string QualificationCode,
    LocalizedText QualificationName,
    int PrkLevel,
    IReadOnlyList<CertifiedOutcomeSet> OutcomeSets,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    string Institution,
    DateOnly DecisionDate) : CertificateEvent;

/// <summary>
/// The validity extended to <see cref="ValidUntil"/> by a new document version dated <see cref="On"/>;
/// <see cref="AuditedEvent.Reason"/> says what it rests on. <see cref="RenewalId"/> makes a repeated request harmless.
/// </summary>
public sealed record CertificateRenewed(Guid RenewalId, DateOnly ValidUntil, DateOnly On) : CertificateEvent;

/// <summary>The certificate no longer stands; <see cref="AuditedEvent.Reason"/> says why. Final: nothing follows it.</summary>
public sealed record CertificateRevoked : CertificateEvent;

/// <summary>
/// The holder was e-mailed that the certificate valid until <see cref="ValidUntil"/> expires in <see cref="DaysBefore"/>
/// days (issue #6); recorded with the queued mail, so each reminder of a validity goes once.
/// </summary>
public sealed record CertificateExpiryReminded(int DaysBefore, DateOnly ValidUntil) : CertificateEvent;
