using Certification.Common;
using Certification.Qualifications;

namespace Certification.Certificates;

/// <summary>
/// What a certificate is issued with: the validation it is for and the facts it states, read by the issuer from the
/// CRM person, the qualification's definition and the decision. The certificate grain fixes the dates.
/// </summary>
/// <param name="IssuedOn">The day the number was reserved: its year is the number's.</param>
/// <param name="ValidityYears">The qualification's validity; the last valid day follows from it (<see cref="CertificateValidity.Until"/>).</param>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateIssue")]
public sealed record CertificateIssue(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid HolderId,
    [property: Id(2)] string HolderName,
    [property: Id(3)] DateOnly? HolderBirthDate,
    [property: Id(4)] string QualificationCode,
    [property: Id(5)] LocalizedText QualificationName,
    [property: Id(6)] int PrkLevel,
    [property: Id(7)] IReadOnlyList<CertifiedOutcomeSet> OutcomeSets,
    [property: Id(8)] DateOnly IssuedOn,
    [property: Id(9)] int ValidityYears,
    [property: Id(10)] string Institution,
    [property: Id(11)] DateOnly DecisionDate);

/// <summary>
/// A renewal the renewal workflow has accepted: the new last day of validity and what it rests on. The id makes a
/// repeated request (a retry, a double click) renew once.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateRenewal")]
public sealed record CertificateRenewal(
    [property: Id(0)] Guid RenewalId,
    [property: Id(1)] DateOnly ValidUntil,
    [property: Id(2)] string Reason);

/// <summary>
/// One certificate, keyed by its number as printed (<c>CRM/2026/000123-K</c>, see <see cref="CertificateNumber"/>):
/// its issue, renewals and revocation, each an event in <c>audit_event</c> committed with the <c>certificate</c>
/// projection row before the call returns. Numbers come from <see cref="CertificateNumbers"/> through
/// <see cref="ICertificateIssuerGrain"/>; nothing else creates certificates.
/// </summary>
[Alias("cert.certs.ICertificateGrain")]
public interface ICertificateGrain : IGrainWithStringKey
{
    /// <summary>Issues the certificate; issuing it again for the same validation changes nothing and succeeds.</summary>
    [Alias("Issue")]
    Task<CommandResult> IssueAsync(CertificateIssue issue, string actor);

    /// <summary>Extends the validity with a new document version; the history of versions is kept.</summary>
    [Alias("Renew")]
    Task<CommandResult> RenewAsync(CertificateRenewal renewal, string actor);

    /// <summary>Revokes the certificate with a mandatory reason; a revoked certificate is never valid again.</summary>
    [Alias("Revoke")]
    Task<CommandResult> RevokeAsync(string reason, string actor);

    /// <summary>The certificate's data, or null when no certificate has this number.</summary>
    [Alias("Get")]
    Task<CertificateRecord?> GetAsync();
}
