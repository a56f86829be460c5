namespace Certification.Certificates;

/// <summary>Where a session's bulk issue stands; <see cref="Running"/> false and <see cref="Total"/> 0 before the first run.</summary>
/// <param name="Failed">Validations the issuer refused or could not reach, with the refusal code (or the error's type).</param>
[GenerateSerializer, Immutable, Alias("cert.certs.BulkIssueProgress")]
public sealed record BulkIssueProgress(
    [property: Id(0)] bool Running,
    [property: Id(1)] int Total,
    [property: Id(2)] int Done,
    [property: Id(3)] int Issued,
    [property: Id(4)] IReadOnlyList<BulkIssueFailure> Failed,
    [property: Id(5)] DateTimeOffset? StartedAt,
    [property: Id(6)] DateTimeOffset? FinishedAt)
{
    public static BulkIssueProgress None { get; } = new(false, 0, 0, 0, [], null, null);
}

[GenerateSerializer, Immutable, Alias("cert.certs.BulkIssueFailure")]
public sealed record BulkIssueFailure([property: Id(0)] Guid CandidateId, [property: Id(1)] string Code);

/// <summary>
/// The bulk issue of one exam session's certificates (key: the session): every final positive decision of the session
/// that has no certificate yet gets one, one after another, while the office watches the progress. Starting again
/// while a run is on joins it; a run cut short by a lost silo is finished by starting again, since issuing is idempotent.
/// </summary>
[Alias("cert.certs.ISessionCertificatesGrain")]
public interface ISessionCertificatesGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task<BulkIssueProgress> StartAsync(string actor);

    [Alias("Progress")]
    Task<BulkIssueProgress> GetProgressAsync();
}
