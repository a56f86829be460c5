using System.Text.Json.Serialization;
using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Certificates.Renewal;

public enum RenewalStatus
{
    Submitted = 0,
    Accepted = 1,
    Refused = 2,
}

/// <summary>A document the holder uploads as evidence of a stated period: a PDF or a scan (JPG, PNG).</summary>
[GenerateSerializer, Immutable, Alias("cert.renewal.EvidenceFile")]
public sealed record EvidenceFile(
    [property: Id(0)] string FileName,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Content);

/// <summary>A period of CRM work as the holder states it (both days included), with the documents for it.</summary>
[GenerateSerializer, Immutable, Alias("cert.renewal.StatedPeriod")]
public sealed record StatedPeriod(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<EvidenceFile> Evidence);

/// <summary>What the holder submits: the request's id (a retry submits once), who they are and the stated periods.</summary>
[GenerateSerializer, Immutable, Alias("cert.renewal.RenewalSubmission")]
public sealed record RenewalSubmission(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Guid HolderId,
    [property: Id(2)] IReadOnlyList<StatedPeriod> Periods);

/// <summary>An uploaded document as lists show it; its bytes are read from <c>certificate_renewal_evidence</c> by id.</summary>
[GenerateSerializer, Immutable, Alias("cert.renewal.EvidenceInfo")]
public sealed record EvidenceInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] int Size);

[GenerateSerializer, Immutable, Alias("cert.renewal.RequestPeriod")]
public sealed record RequestPeriod(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<EvidenceInfo> Evidence);

/// <summary>One renewal request of a certificate, as the holder and the reviewer see it.</summary>
/// <param name="SubmittedOn">The Polish day of the request: the rule counts work done by then.</param>
/// <param name="CountedDays">Days of CRM work within the validity the rule counted at submission.</param>
/// <param name="ValidUntil">The new last day of validity, once accepted.</param>
/// <param name="Reasons">Why it was refused.</param>
[GenerateSerializer, Immutable, Alias("cert.renewal.RenewalRequest")]
public sealed record RenewalRequest(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Number,
    [property: Id(2)] Guid HolderId,
    [property: Id(3)] RenewalStatus Status,
    [property: Id(4)] DateTimeOffset SubmittedAt,
    [property: Id(5)] DateOnly SubmittedOn,
    [property: Id(6)] IReadOnlyList<RequestPeriod> Periods,
    [property: Id(7)] int CountedDays,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] string? DecidedBy,
    [property: Id(10)] string? Reasons,
    [property: Id(11)] DateOnly? ValidUntil);

/// <summary>
/// The renewal requests of one certificate, keyed by its number: the holder submits evidence of CRM work, a reviewer
/// accepts (the certificate is renewed) or refuses with reasons. One request is open at a time.
/// </summary>
[Alias("cert.renewal.ICertificateRenewalGrain")]
public interface ICertificateRenewalGrain : IGrainWithStringKey
{
    /// <summary>Checks the stated periods and evidence with <see cref="RenewalRule"/>; stores nothing when anything is wrong.</summary>
    [Alias("Submit")]
    Task<CommandResult> SubmitAsync(RenewalSubmission submission, string actor);

    /// <summary>Renews the certificate with validity counted from its old expiry; accepting again changes nothing.</summary>
    [Alias("Accept")]
    Task<CommandResult> AcceptAsync(Guid requestId, string actor);

    /// <summary>Refuses with mandatory reasons: the holder must pass validation again.</summary>
    [Alias("Refuse")]
    Task<CommandResult> RefuseAsync(Guid requestId, string reasons, string actor);

    /// <summary>Every request of the certificate, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<RenewalRequest>> ListAsync();
}

/// <summary>The requests' stream in <c>audit_event</c>; JSON names are the stored schema.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RenewalSubmitted), "submitted")]
[JsonDerivedType(typeof(RenewalAccepted), "accepted")]
[JsonDerivedType(typeof(RenewalRefused), "refused")]
public abstract record RenewalEvent : AuditedEvent
{
    public required Guid RequestId { get; init; }
}

/// <summary>A request as submitted; the evidence's bytes are in <c>certificate_renewal_evidence</c>, named here by id.</summary>
public sealed record RenewalSubmitted(Guid HolderId, DateOnly On, IReadOnlyList<RequestPeriod> Periods, int CountedDays) : RenewalEvent;

/// <summary>Accepted: the certificate was renewed until <see cref="ValidUntil"/>.</summary>
public sealed record RenewalAccepted(DateOnly ValidUntil) : RenewalEvent;

/// <summary>Refused; <see cref="AuditedEvent.Reason"/> holds the reviewer's reasons.</summary>
public sealed record RenewalRefused : RenewalEvent;

/// <summary>What an upload must be: the rule's evidence is a document a reviewer can open.</summary>
public static class RenewalEvidence
{
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 10;
    public const int MaxDescriptionLength = 500;

    public const string FileType = "renewal.file_type";
    public const string FileTooLarge = "renewal.file_too_large";
    public const string TooManyFiles = "renewal.too_many_files";

    /// <summary>PDF, JPEG or PNG, told by the file's first bytes (a name or a browser's content type proves nothing).</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;
}
